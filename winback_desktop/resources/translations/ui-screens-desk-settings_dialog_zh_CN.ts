<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskSettingsDialog</name>
    <message>
        <source>Agent desk settings</source>
        <translation>坐席工作台设置</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Retire / offer again</source>
        <translation>停用 / 重新启用</translation>
    </message>
    <message>
        <source>code, e.g. coaching</source>
        <translation>代码，例如 coaching</translation>
    </message>
    <message>
        <source>name agents see, e.g. Coaching session</source>
        <translation>坐席看到的名称，例如 辅导课</translation>
    </message>
    <message>
        <source>Add reason</source>
        <translation>添加原因</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Wrap-up limit:</source>
        <translation>话后处理时限：</translation>
    </message>
    <message>
        <source>When the limit runs out after a hang-up, the agent shows as ready on the live board again.</source>
        <translation>挂断后时限用完时，坐席在实时看板上重新显示为就绪。</translation>
    </message>
    <message>
        <source>Not-ready reasons agents pick from:</source>
        <translation>坐席可选择的未就绪原因：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Reason added: agents see it at once.</source>
        <translation>原因已添加：坐席立即可见。</translation>
    </message>
    <message>
        <source>Select a reason first.</source>
        <translation>请先选择一个原因。</translation>
    </message>
    <message>
        <source>Reason retired.</source>
        <translation>原因已停用。</translation>
    </message>
    <message>
        <source>Reason offered again.</source>
        <translation>原因已重新启用。</translation>
    </message>
    <message>
        <source>Wrap-up limit saved.</source>
        <translation>话后处理时限已保存。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScriptEditorView</name>
    <message>
        <source>Script</source>
        <extracomment>kept by the screen: the version shown and the questions being edited</extracomment>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clone to new version</source>
        <translation>克隆为新版本</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Assign to campaign…</source>
        <translation>指定给活动…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Select a script</source>
        <translation>请选择一个脚本</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明:</translation>
    </message>
    <message>
        <source>Questions (drag to reorder)</source>
        <translation>问题(拖动以调整顺序)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移(Alt+上箭头)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移(Alt+下箭头)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Short identifier used by branches and reports</source>
        <translation>分支和报告使用的简短标识</translation>
    </message>
    <message>
        <source>Required (counts for adherence)</source>
        <translation>必答(计入遵循率)</translation>
    </message>
    <message>
        <source>A hint the agent sees under the question</source>
        <translation>显示在问题下方、给坐席的提示</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Question text</source>
        <translation>问题文字</translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation>回答类型</translation>
    </message>
    <message>
        <source>Help for the agent</source>
        <translation>坐席提示</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Then go to</source>
        <translation>然后跳转到</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>跳转到</translation>
    </message>
    <message>
        <source>Weight toward: {reason}</source>
        <translation>计入权重:{reason}</translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <source>Choices (weights toward each defection reason; a choice may branch)</source>
        <translation>选项(对各流失原因的权重;选项可设置分支)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>End the interview</source>
        <translation>结束访谈</translation>
    </message>
    <message>
        <source>{key} (missing)</source>
        <translation>{key}(不存在)</translation>
    </message>
    <message>
        <source>(next question)</source>
        <translation>(下一个问题)</translation>
    </message>
    <message>
        <source>(as the question)</source>
        <translation>(同问题设置)</translation>
    </message>
</context>
</TS>

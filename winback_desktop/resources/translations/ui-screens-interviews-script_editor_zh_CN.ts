<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Screens</name>
    <message>
        <source>Interview scripts</source>
        <translation>访谈脚本</translation>
    </message>
</context>
<context>
    <name>ScriptEditorScreen</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
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
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The draft has unsaved changes. Discard them?</source>
        <translation>草稿有未保存的更改。是否放弃?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Choice {n}</source>
        <translation>选项 {n}</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>✓ No problems: the script can be published.</source>
        <translation>✓ 没有问题:脚本可以发布。</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Fix the problems listed under Checks before publishing.</source>
        <translation>发布前请先修正“检查”中列出的问题。</translation>
    </message>
    <message>
        <source>Published. This version can no longer be changed.</source>
        <translation>已发布。此版本不能再修改。</translation>
    </message>
    <message>
        <source>New draft version created.</source>
        <translation>已创建新的草稿版本。</translation>
    </message>
    <message>
        <source>Delete this draft version?</source>
        <translation>删除此草稿版本?</translation>
    </message>
    <message>
        <source>New script</source>
        <translation>新建脚本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cannot read {file}: {detail}</source>
        <translation>无法读取 {file}:{detail}</translation>
    </message>
    <message>
        <source>Imported as a new draft version.</source>
        <translation>已作为新的草稿版本导入。</translation>
    </message>
    <message>
        <source>Import script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <source>Interview scripts (*.json)</source>
        <translation>访谈脚本 (*.json)</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>导出脚本</translation>
    </message>
    <message>
        <source>The campaign now uses this script.</source>
        <translation>该活动现在使用此脚本。</translation>
    </message>
    <message>
        <source>No {kind} campaign exists.</source>
        <translation>不存在{kind}类活动。</translation>
    </message>
    <message>
        <source>Assign to campaign</source>
        <translation>指定给活动</translation>
    </message>
    <message>
        <source>Campaign ({kind} campaigns only):</source>
        <translation>活动(仅限{kind}类活动):</translation>
    </message>
    <message>
        <source>Preview: {name}</source>
        <translation>预览:{name}</translation>
    </message>
    <message>
        <source>Walk through the script as an agent would. Nothing is saved; the proposal uses the default grid for an SLTV tier B customer.</source>
        <translation>像坐席一样走一遍脚本。不会保存任何内容;建议结果按默认分群表、SLTV 等级 B 的客户计算。</translation>
    </message>
</context>
</TS>

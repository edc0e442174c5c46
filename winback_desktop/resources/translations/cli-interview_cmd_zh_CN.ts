<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>exit-interview scripts</source>
        <translation>退出访谈脚本</translation>
    </message>
    <message>
        <source>list scripts and their versions</source>
        <translation>列出脚本及其版本</translation>
    </message>
    <message>
        <source>write a script to a JSON file</source>
        <translation>将脚本写入 JSON 文件</translation>
    </message>
    <message>
        <source>version (default: the newest published)</source>
        <translation>版本(默认:最新发布的版本)</translation>
    </message>
    <message>
        <source>read a script from a JSON file as a new draft version</source>
        <translation>从 JSON 文件读取脚本,作为新的草稿版本</translation>
    </message>
    <message>
        <source>publish it at once</source>
        <translation>立即发布</translation>
    </message>
    <message>
        <source>validate and publish a draft</source>
        <translation>校验并发布草稿</translation>
    </message>
    <message>
        <source>make a published script the campaign&apos;s script</source>
        <translation>将已发布的脚本设为活动的脚本</translation>
    </message>
    <message>
        <source>install the shipped English and Chinese scripts</source>
        <translation>安装随附的英文和中文脚本</translation>
    </message>
    <message>
        <source>exit-interview results</source>
        <translation>退出访谈结果</translation>
    </message>
    <message>
        <source>reasons, triggers, competitors and adherence per agent</source>
        <translation>流失原因、导火索、竞争对手及各坐席的脚本遵循情况</translation>
    </message>
    <message>
        <source>campaign name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>first day (YYYY-MM-DD)</source>
        <translation>开始日期(YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>last day (YYYY-MM-DD)</source>
        <translation>结束日期(YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>also write an xlsx file</source>
        <translation>同时写入 xlsx 文件</translation>
    </message>
    <message>
        <source>No scripts.</source>
        <translation>没有脚本。</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>Imported &apos;{name}&apos; as version {version} ({status}).</source>
        <translation>已导入“{name}”,版本 {version}({status})。</translation>
    </message>
    <message>
        <source>Published &apos;{name}&apos; version {version}.</source>
        <translation>已发布“{name}”版本 {version}。</translation>
    </message>
    <message>
        <source>The campaign &apos;{campaign}&apos; now uses &apos;{name}&apos; version {version}.</source>
        <translation>活动“{campaign}”现在使用“{name}”版本 {version}。</translation>
    </message>
    <message>
        <source>Installed {count} scripts.</source>
        <translation>已安装 {count} 个脚本。</translation>
    </message>
    <message>
        <source>Completed interviews: {count}, reason overridden: {overridden}</source>
        <translation>已完成访谈:{count},原因被更改:{overridden}</translation>
    </message>
    <message>
        <source>Per agent: started, completed, adherence</source>
        <translation>各坐席:开始、完成、遵循率</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot read {file}: {detail}</source>
        <translation>无法读取 {file}:{detail}</translation>
    </message>
    <message>
        <source>Cannot write {file}: {detail}</source>
        <translation>无法写入 {file}:{detail}</translation>
    </message>
</context>
</TS>

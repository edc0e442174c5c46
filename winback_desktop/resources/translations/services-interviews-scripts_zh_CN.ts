<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>The script needs a name.</source>
        <translation>脚本需要一个名称。</translation>
    </message>
    <message>
        <source>Every question needs its own key (&apos;{key}&apos;).</source>
        <translation>每个问题都需要唯一的标识(“{key}”)。</translation>
    </message>
    <message>
        <source>Only a published script can be retired.</source>
        <translation>只有已发布的脚本才能停用。</translation>
    </message>
    <message>
        <source>Campaigns still use this script: {campaigns}. Assign another first.</source>
        <translation>以下活动仍在使用此脚本:{campaigns}。请先为其指定其他脚本。</translation>
    </message>
    <message>
        <source>Publish the script before assigning it to a campaign.</source>
        <translation>请先发布脚本,再将其指定给活动。</translation>
    </message>
    <message>
        <source>The campaign &apos;{campaign}&apos; is a {campaign_kind} campaign; the script &apos;{script}&apos; is for {script_kind} calls.</source>
        <translation>活动“{campaign}”是 {campaign_kind} 类活动;脚本“{script}”用于 {script_kind} 类通话。</translation>
    </message>
</context>
</TS>

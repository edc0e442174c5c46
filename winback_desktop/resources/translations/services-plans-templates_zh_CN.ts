<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A plan needs at least one step.</source>
        <translation>计划至少需要一个步骤。</translation>
    </message>
    <message>
        <source>A courtesy plan has exactly one step.</source>
        <translation>礼貌告别计划只能有一个步骤。</translation>
    </message>
    <message>
        <source>Step {step}: unknown channel &apos;{channel}&apos;: use letter, email, sms, call or visit.</source>
        <translation>步骤 {step}：未知渠道“{channel}”：请使用 letter、email、sms、call 或 visit。</translation>
    </message>
    <message>
        <source>Step {step}: wait days must be between 0 and 3650.</source>
        <translation>步骤 {step}：等待天数必须在 0 到 3650 之间。</translation>
    </message>
    <message>
        <source>Step {step}: unknown role &apos;{role}&apos;: use agent, supervisor or admin.</source>
        <translation>步骤 {step}：未知角色“{role}”：请使用 agent、supervisor 或 admin。</translation>
    </message>
    <message>
        <source>A plan needs a name (1 to 200 characters).</source>
        <translation>计划需要名称（1 到 200 个字符）。</translation>
    </message>
    <message>
        <source>Unknown kind of plan &apos;{kind}&apos;: use long_term or courtesy.</source>
        <translation>未知的计划类型“{kind}”：请使用 long_term 或 courtesy。</translation>
    </message>
    <message>
        <source>A plan named &apos;{name}&apos; exists already.</source>
        <translation>名为“{name}”的计划已存在。</translation>
    </message>
</context>
</TS>

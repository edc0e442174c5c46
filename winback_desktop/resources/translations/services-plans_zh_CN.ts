<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>This customer already follows the plan &apos;{plan}&apos;.</source>
        <extracomment>how an enrolment ends when the customer&apos;s status says they are back or staying</extracomment>
        <translation>该客户已在执行计划“{plan}”。</translation>
    </message>
    <message>
        <source>No active plan fits this customer: choose one, or mark a plan as the default for their reason.</source>
        <translation>没有适合该客户的启用计划：请选择一个计划，或将某个计划设为其流失原因的默认计划。</translation>
    </message>
    <message>
        <source>The plan &apos;{plan}&apos; has call steps: choose the campaign whose agents make the calls.</source>
        <translation>计划“{plan}”包含电话步骤：请选择由哪个挽回活动的坐席拨打。</translation>
    </message>
    <message>
        <source>Step {step} is no longer waiting to be done.</source>
        <translation>步骤 {step} 已不再处于待办状态。</translation>
    </message>
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
<context>
    <name>Plans</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Step number</source>
        <translation>步骤序号</translation>
    </message>
</context>
</TS>

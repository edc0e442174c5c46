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
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>long-term win-back plans</source>
        <translation>长期挽回计划</translation>
    </message>
    <message>
        <source>plans with their steps</source>
        <translation>计划及其步骤</translation>
    </message>
    <message>
        <source>one plan, or a customer&apos;s progress with --customer</source>
        <translation>查看一个计划，或用 --customer 查看客户的进度</translation>
    </message>
    <message>
        <source>plan name or number</source>
        <translation>计划名称或编号</translation>
    </message>
    <message>
        <source>customer ID (or number): their plans and steps</source>
        <translation>客户编号（或内部编号）：其计划与步骤</translation>
    </message>
    <message>
        <source>enrol a customer in a plan (default: the plan for their reason)</source>
        <translation>为客户加入计划（默认：其流失原因对应的计划）</translation>
    </message>
    <message>
        <source>customer ID (or number)</source>
        <translation>客户编号（或内部编号）</translation>
    </message>
    <message>
        <source>campaign number whose agents make the plan&apos;s calls</source>
        <translation>负责计划中电话步骤的挽回活动编号</translation>
    </message>
    <message>
        <source>letters, e-mails, SMS and visits due</source>
        <translation>到期的信件、邮件、短信和拜访</translation>
    </message>
    <message>
        <source>due on or before this day (default: today)</source>
        <translation>在此日期或之前到期（默认：今天）</translation>
    </message>
    <message>
        <source>mark a to-do done or skipped</source>
        <translation>将待办标记为已完成或跳过</translation>
    </message>
    <message>
        <source>skipped, not done</source>
        <translation>跳过，而非完成</translation>
    </message>
    <message>
        <source>due letters and e-mails as .xlsx for a mail merge</source>
        <translation>将到期的信件和邮件导出为 .xlsx，用于邮件合并</translation>
    </message>
    <message>
        <source>channel to export (repeatable; default: letter and email)</source>
        <translation>要导出的渠道（可重复；默认：信件和邮件）</translation>
    </message>
    <message>
        <source>No plans.</source>
        <translation>没有计划。</translation>
    </message>
    <message>
        <source>Enrolled in &apos;{plan}&apos;: {steps} steps, the first due {due}.</source>
        <translation>已加入“{plan}”：共 {steps} 个步骤，第一步于 {due} 到期。</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>没有到期的事项。</translation>
    </message>
    <message>
        <source>Step #{step}: {status}.</source>
        <translation>步骤 #{step}：{status}。</translation>
    </message>
    <message>
        <source>Exported {rows} letters and e-mails to {file}.</source>
        <translation>已将 {rows} 封信件和邮件导出到 {file}。</translation>
    </message>
</context>
</TS>

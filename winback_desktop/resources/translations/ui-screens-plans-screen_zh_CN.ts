<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlanEditor</name>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <source>Calls go to:</source>
        <translation>电话步骤交给：</translation>
    </message>
    <message>
        <source>Default plan for:</source>
        <translation>作为以下原因的默认计划：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>customers are enrolled in it</source>
        <translation>客户会被加入此计划</translation>
    </message>
    <message>
        <source>Long-term win-back</source>
        <translation>长期挽回</translation>
    </message>
    <message>
        <source>Courtesy step for customers not pursued</source>
        <translation>对不挽回客户的礼貌告别</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name}（未启用）</translation>
    </message>
    <message>
        <source>(the enrolling campaign)</source>
        <translation>（加入计划时所在的挽回活动）</translation>
    </message>
    <message>
        <source>Any reason</source>
        <translation>任何原因</translation>
    </message>
    <message>
        <source>Plan &quot;{name}&quot; saved.</source>
        <translation>计划“{name}”已保存。</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
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
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>已完成步骤</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Wait (days)</source>
        <translation>等待（天）</translation>
    </message>
    <message>
        <source>Script or text ({name} = the customer)</source>
        <translation>话术或内容（{name} = 客户姓名）</translation>
    </message>
    <message>
        <source>To-dos</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Long-term plans</source>
        <translation>长期计划</translation>
    </message>
</context>
<context>
    <name>TodoTab</name>
    <message>
        <source>Due by:</source>
        <translation>到期截至：</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Export letters and e-mails…</source>
        <translation>导出信件和邮件…</translation>
    </message>
    <message>
        <source>{n} steps due.</source>
        <translation>{n} 个步骤到期。</translation>
    </message>
    <message>
        <source>Select a step first.</source>
        <translation>请先选择一个步骤。</translation>
    </message>
    <message>
        <source>Export for a mail merge</source>
        <translation>导出用于邮件合并</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {n} letters and e-mails to {path}.</source>
        <translation>已将 {n} 封信件和邮件导出到 {path}。</translation>
    </message>
</context>
</TS>

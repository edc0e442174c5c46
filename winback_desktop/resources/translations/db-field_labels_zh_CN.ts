<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Fields</name>
    <message>
        <source>team name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>mapping name</source>
        <translation>映射名称</translation>
    </message>
    <message>
        <source>reason code</source>
        <translation>原因代码</translation>
    </message>
    <message>
        <source>reason name</source>
        <translation>原因名称</translation>
    </message>
    <message>
        <source>offer code</source>
        <translation>优惠代码</translation>
    </message>
    <message>
        <source>offer name</source>
        <translation>优惠名称</translation>
    </message>
    <message>
        <source>QA form name</source>
        <translation>质检表名称</translation>
    </message>
    <message>
        <source>reward rule name</source>
        <translation>奖励规则名称</translation>
    </message>
    <message>
        <source>campaign name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>script name</source>
        <translation>话术名称</translation>
    </message>
    <message>
        <source>script description</source>
        <translation>话术说明</translation>
    </message>
    <message>
        <source>plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>plan description</source>
        <translation>计划说明</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>defection trigger</source>
        <translation>流失诱因</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>降级内容</translation>
    </message>
    <message>
        <source>reason note</source>
        <translation>原因备注</translation>
    </message>
    <message>
        <source>order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>reward item</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <source>redemption note</source>
        <translation>兑换备注</translation>
    </message>
    <message>
        <source>award reason</source>
        <translation>奖励原因</translation>
    </message>
    <message>
        <source>calibration session</source>
        <translation>校准会议</translation>
    </message>
    <message>
        <source>coaching notes</source>
        <translation>辅导备注</translation>
    </message>
    <message>
        <source>agent&apos;s comment</source>
        <translation>坐席意见</translation>
    </message>
    <message>
        <source>not-ready reason</source>
        <translation>未就绪原因</translation>
    </message>
    <message>
        <source>recording path</source>
        <translation>录音路径</translation>
    </message>
    <message>
        <source>event detail</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>call notes</source>
        <translation>通话备注</translation>
    </message>
    <message>
        <source>interview notes</source>
        <translation>访谈备注</translation>
    </message>
    <message>
        <source>note for the approver</source>
        <translation>给审批人的备注</translation>
    </message>
    <message>
        <source>decision note</source>
        <translation>审批备注</translation>
    </message>
    <message>
        <source>decline reason</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>question text</source>
        <translation>问题文本</translation>
    </message>
    <message>
        <source>question help</source>
        <translation>问题提示</translation>
    </message>
    <message>
        <source>step text</source>
        <translation>步骤文本</translation>
    </message>
    <message>
        <source>step note</source>
        <translation>步骤备注</translation>
    </message>
    <message>
        <source>coaching message</source>
        <translation>辅导消息</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>sheet name</source>
        <translation>工作表名称</translation>
    </message>
    <message>
        <source>value</source>
        <extracomment>Codes chosen from lists, hashes and the like: a user never types them, so a generic word</extracomment>
        <translation>值</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Programme</name>
    <message>
        <source>Win-back programme</source>
        <extracomment>columns of every breakdown table: figure key → format every label of the report (translated under the ``Programme`` context by callers)</extracomment>
        <translation>挽回项目</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>By defection reason</source>
        <translation>按流失原因</translation>
    </message>
    <message>
        <source>By SLTV tier</source>
        <translation>按 SLTV 等级</translation>
    </message>
    <message>
        <source>By segment</source>
        <translation>按细分</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>按活动</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按团队</translation>
    </message>
    <message>
        <source>Cohorts: share won back by months since defection</source>
        <translation>群组：按流失后月数统计的挽回比例</translation>
    </message>
    <message>
        <source>Month of defection</source>
        <translation>流失月份</translation>
    </message>
    <message>
        <source>Defectors</source>
        <translation>流失客户数</translation>
    </message>
    <message>
        <source>Months since</source>
        <translation>流失后月数</translation>
    </message>
    <message>
        <source>Calibration of P(win)</source>
        <translation>挽回概率的校准</translation>
    </message>
    <message>
        <source>Decile</source>
        <translation>十分位</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Defection rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Hourly labour cost</source>
        <translation>每小时人工成本</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <source>Customers worked</source>
        <translation>跟进客户数</translation>
    </message>
    <message>
        <source>Right-party contacts</source>
        <translation>本人接通数</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已挽留</translation>
    </message>
    <message>
        <source>Recovery rate</source>
        <translation>挽回率</translation>
    </message>
    <message>
        <source>SLTV recovered</source>
        <translation>挽回的 SLTV</translation>
    </message>
    <message>
        <source>Offer cost</source>
        <translation>优惠成本</translation>
    </message>
    <message>
        <source>Labour cost</source>
        <translation>人工成本</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>回报</translation>
    </message>
    <message>
        <source>Return per call</source>
        <translation>每次通话回报</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
</TS>

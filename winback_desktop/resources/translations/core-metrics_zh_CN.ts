<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Metrics</name>
    <message>
        <source>Dials</source>
        <extracomment>how a metric is shown: a count, money (minor units), a share, seconds, a score Every scorecard figure, in display order.</extracomment>
        <translation>拨打数</translation>
    </message>
    <message>
        <source>Calls started in the period.</source>
        <translation>本期间开始的通话。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>接通数</translation>
    </message>
    <message>
        <source>Calls started in the period that were answered.</source>
        <translation>本期间开始且被接听的通话。</translation>
    </message>
    <message>
        <source>Right-party contacts</source>
        <translation>本人接通数</translation>
    </message>
    <message>
        <source>Answered calls whose outcome is not a wrong number.</source>
        <translation>已接听且结果不是“打错号码”的通话。</translation>
    </message>
    <message>
        <source>Right-party rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <source>Right-party contacts ÷ dials.</source>
        <translation>本人接通数 ÷ 拨打数。</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>访谈数</translation>
    </message>
    <message>
        <source>Exit interviews completed in the period.</source>
        <translation>本期间完成的流失访谈。</translation>
    </message>
    <message>
        <source>Interview completion</source>
        <translation>访谈完成率</translation>
    </message>
    <message>
        <source>Exit interviews completed ÷ right-party contacts.</source>
        <translation>完成的流失访谈 ÷ 本人接通数。</translation>
    </message>
    <message>
        <source>Win-backs</source>
        <translation>挽回数</translation>
    </message>
    <message>
        <source>Calls whose outcome is won back (lost customers who came back). Saves are counted apart.</source>
        <translation>结果为“已挽回”的通话（已流失又回来的客户）。挽留单独计数。</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>挽回率</translation>
    </message>
    <message>
        <source>Win-backs ÷ right-party contacts on win-back campaigns.</source>
        <translation>挽回数 ÷ 挽回活动中的本人接通数。</translation>
    </message>
    <message>
        <source>SLTV recovered</source>
        <translation>挽回的 SLTV</translation>
    </message>
    <message>
        <source>Sum of the SLTV recorded on each win-back when its outcome was set.</source>
        <translation>每次挽回在记录结果时登记的 SLTV 之和。</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>挽留数</translation>
    </message>
    <message>
        <source>Calls whose outcome is saved (at-risk customers kept). Never counted as win-backs.</source>
        <translation>结果为“已挽留”的通话（留住的风险客户）。从不计入挽回。</translation>
    </message>
    <message>
        <source>Save rate</source>
        <translation>挽留率</translation>
    </message>
    <message>
        <source>Saves ÷ right-party contacts on save campaigns.</source>
        <translation>挽留数 ÷ 挽留活动中的本人接通数。</translation>
    </message>
    <message>
        <source>SLTV saved</source>
        <translation>挽留的 SLTV</translation>
    </message>
    <message>
        <source>Sum of the SLTV recorded on each save when its outcome was set.</source>
        <translation>每次挽留在记录结果时登记的 SLTV 之和。</translation>
    </message>
    <message>
        <source>Offer cost</source>
        <translation>优惠成本</translation>
    </message>
    <message>
        <source>Cost of the offers customers accepted in the period.</source>
        <translation>本期间客户接受的优惠的成本。</translation>
    </message>
    <message>
        <source>Offer cost / SLTV</source>
        <translation>优惠成本 / SLTV</translation>
    </message>
    <message>
        <source>Cost of accepted offers ÷ (SLTV recovered + SLTV saved).</source>
        <translation>已接受优惠的成本 ÷（挽回的 SLTV + 挽留的 SLTV）。</translation>
    </message>
    <message>
        <source>Avg handle (s)</source>
        <translation>平均处理时长(秒)</translation>
    </message>
    <message>
        <source>(Talk + hold + wrap-up) ÷ handled calls: answered calls that ended and finished wrap-up.</source>
        <translation>（通话 + 保持 + 话后处理）÷ 已处理通话：已接听、已挂断并完成话后处理的通话。</translation>
    </message>
    <message>
        <source>Avg talk (s)</source>
        <translation>平均通话时长(秒)</translation>
    </message>
    <message>
        <source>Answer to hang-up, less hold time ÷ handled calls.</source>
        <translation>从接听到挂断减去保持时长 ÷ 已处理通话。</translation>
    </message>
    <message>
        <source>Avg hold (s)</source>
        <translation>平均保持时长(秒)</translation>
    </message>
    <message>
        <source>Hold time measured by the phone system ÷ handled calls.</source>
        <translation>电话系统测得的保持时长 ÷ 已处理通话。</translation>
    </message>
    <message>
        <source>Avg wrap-up (s)</source>
        <translation>平均话后处理(秒)</translation>
    </message>
    <message>
        <source>Hang-up to end of wrap-up ÷ handled calls.</source>
        <translation>从挂断到话后处理结束 ÷ 已处理通话。</translation>
    </message>
    <message>
        <source>QA average</source>
        <translation>质检平均分</translation>
    </message>
    <message>
        <source>Mean QA score (%) ÷ evaluations in the period (calibration sessions excluded).</source>
        <translation>质检得分(%)之和 ÷ 本期间的评估次数（不含校准会）。</translation>
    </message>
    <message>
        <source>QA evaluations</source>
        <translation>质检次数</translation>
    </message>
    <message>
        <source>Calls scored by QA in the period.</source>
        <translation>本期间被质检评分的通话。</translation>
    </message>
    <message>
        <source>Critical fails</source>
        <translation>致命错误</translation>
    </message>
    <message>
        <source>QA evaluations with a critical failure.</source>
        <translation>含致命错误的质检评估。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Points earned in the period (rules, spot awards, corrections); redemptions are not subtracted.</source>
        <translation>本期间获得的积分（规则、即时奖励、更正）；兑换不扣减。</translation>
    </message>
    <message>
        <source>dials</source>
        <extracomment>what a denominator counts, for tooltips and the CLI JSON</extracomment>
        <translation>拨打数</translation>
    </message>
    <message>
        <source>right-party contacts</source>
        <translation>本人接通数</translation>
    </message>
    <message>
        <source>right-party contacts on win-back campaigns</source>
        <translation>挽回活动中的本人接通数</translation>
    </message>
    <message>
        <source>right-party contacts on save campaigns</source>
        <translation>挽留活动中的本人接通数</translation>
    </message>
    <message>
        <source>SLTV recovered + saved</source>
        <translation>挽回与挽留的 SLTV 之和</translation>
    </message>
    <message>
        <source>handled calls</source>
        <translation>已处理通话</translation>
    </message>
</context>
</TS>

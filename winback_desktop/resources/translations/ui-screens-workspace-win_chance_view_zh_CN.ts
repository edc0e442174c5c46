<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WinChancePanel</name>
    <message>
        <source>Chance of winning them back</source>
        <translation>挽回的可能性</translation>
    </message>
    <message>
        <source>all tries of this kind of campaign</source>
        <translation>同类活动的全部尝试</translation>
    </message>
    <message>
        <source>customers with the same defection reason</source>
        <translation>流失原因相同的客户</translation>
    </message>
    <message>
        <source>the same reason and SLTV tier</source>
        <translation>流失原因和 SLTV 等级都相同的客户</translation>
    </message>
    <message>
        <source>this cell</source>
        <translation>此单元格</translation>
    </message>
    <message>
        <source>{n}th call or later</source>
        <translation>第 {n} 次及以后的通话</translation>
    </message>
    <message>
        <source>call {n}</source>
        <translation>第 {n} 次通话</translation>
    </message>
    <message>
        <source>no defection date</source>
        <translation>无流失日期</translation>
    </message>
    <message>
        <source>{days} days since defection</source>
        <translation>流失后 {days} 天</translation>
    </message>
    <message>
        <source>P(win-back) of the next call:</source>
        <translation>下一次通话的挽回概率：</translation>
    </message>
    <message>
        <source>Customers like this one ({reason}, {tier}, {segment}, {attempt}, {age}): won back {wins} of {tries} calls.</source>
        <translation>与此客户相似的客户（{reason}、{tier}、{segment}、{attempt}、{age}）：{tries} 次通话中挽回 {wins} 次。</translation>
    </message>
    <message>
        <source>Few calls say little on their own, so this is pulled toward {parent}: {rate:.1%} ({wins} of {tries}), as if that rate had been seen on {kappa:.0f} more calls.</source>
        <translation>通话次数少时单独的数据说服力不足，因此向{parent}的比率靠拢：{rate:.1%}（{tries} 次中 {wins} 次），相当于该比率又在 {kappa:.0f} 次通话中出现过。</translation>
    </message>
    <message>
        <source>Based on:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>{p:.1%} × {value} if won − expected offer cost {offer} − contact cost {contact} = &lt;b&gt;{ev}&lt;/b&gt;</source>
        <translation>{p:.1%} × 挽回后价值 {value} − 预期优惠成本 {offer} − 联系成本 {contact} = &lt;b&gt;{ev}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Expected value of the call:</source>
        <translation>本次通话的期望价值：</translation>
    </message>
    <message>
        <source>Expected cost:</source>
        <translation>预期成本：</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Value and reason</source>
        <translation>价值与原因</translation>
    </message>
    <message>
        <source>E&amp;xplain…</source>
        <translation>说明(&amp;X)…</translation>
    </message>
    <message>
        <source>How this second lifetime value was computed</source>
        <translation>此二次生命周期价值的计算过程</translation>
    </message>
    <message>
        <source>SLTV:</source>
        <translation>SLTV：</translation>
    </message>
    <message>
        <source>Defection reason:</source>
        <translation>流失原因：</translation>
    </message>
    <message>
        <source>Defected on:</source>
        <translation>流失日期：</translation>
    </message>
    <message>
        <source>Spend history</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Annual revenue:</source>
        <translation>年消费额：</translation>
    </message>
    <message>
        <source>Annual margin:</source>
        <translation>年毛利：</translation>
    </message>
    <message>
        <source>Last purchase:</source>
        <translation>最近购买：</translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation>购买次数：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Previous calls</source>
        <translation>历史通话</translation>
    </message>
    <message>
        <source>Previous offers</source>
        <translation>历史优惠</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Flagged on {day}: {signals}</source>
        <translation>{day} 预警：{signals}</translation>
    </message>
    <message>
        <source>{plan}: {done} of {total} steps done</source>
        <translation>{plan}：已完成 {done}/{total} 步</translation>
    </message>
    <message>
        <source>; next: {channel} on {day}</source>
        <translation>；下一步：{day} {channel}</translation>
    </message>
    <message>
        <source>{plan}: ended ({reason}), {done} of {total} steps done</source>
        <translation>{plan}：已结束（{reason}），完成 {done}/{total} 步</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>No phone number on file.</source>
        <translation>没有登记电话号码。</translation>
    </message>
    <message>
        <source>{kind}, primary</source>
        <translation>{kind}，主号码</translation>
    </message>
    <message>
        <source>Dial (F5)</source>
        <translation>拨号 (F5)</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <source>This number could not be read; check it first.</source>
        <translation>此号码无法识别，请先核对。</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>{outcome} (amended)</source>
        <translation>{outcome}（已更正）</translation>
    </message>
    <message>
        <source>{when} {who}: {old} → {new}. Reason: {reason}</source>
        <translation>{when} {who}：{old} → {new}。原因：{reason}</translation>
    </message>
    <message>
        <source>Previous calls ({n})</source>
        <translation>历史通话 ({n})</translation>
    </message>
    <message>
        <source>Previous offers ({n})</source>
        <translation>历史优惠 ({n})</translation>
    </message>
    <message>
        <source>Their time: {time}</source>
        <translation>客户当地时间：{time}</translation>
    </message>
</context>
<context>
    <name>SltvExplainDialog</name>
    <message>
        <source>SLTV explained: {name}</source>
        <translation>SLTV 计算说明：{name}</translation>
    </message>
    <message>
        <source>SLTV = Σ (margin × retention^(year−1) ÷ (1 + discount)^year) − win-back cost</source>
        <translation>SLTV = Σ（毛利 × 保留率^(年−1) ÷ (1 + 折现率)^年）− 挽回成本</translation>
    </message>
    <message>
        <source>last 12 months&apos; margin</source>
        <translation>最近 12 个月毛利</translation>
    </message>
    <message>
        <source>annual revenue × margin rate</source>
        <translation>年消费额 × 毛利率</translation>
    </message>
    <message>
        <source>no spend data</source>
        <translation>无消费数据</translation>
    </message>
    <message>
        <source>{value}  (default)</source>
        <translation>{value}（默认）</translation>
    </message>
    <message>
        <source>Expected annual margin:</source>
        <translation>预期年毛利：</translation>
    </message>
    <message>
        <source>Retention rate r:</source>
        <translation>保留率 r：</translation>
    </message>
    <message>
        <source>Discount rate d:</source>
        <translation>折现率 d：</translation>
    </message>
    <message>
        <source>Horizon T:</source>
        <translation>期限 T：</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} 年</translation>
    </message>
    <message>
        <source>Margin rate:</source>
        <translation>毛利率：</translation>
    </message>
    <message>
        <source>Contact cost:</source>
        <translation>联系成本：</translation>
    </message>
    <message>
        <source>Offer cost:</source>
        <translation>优惠成本：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Retention factor</source>
        <translation>保留系数</translation>
    </message>
    <message>
        <source>Discount factor</source>
        <translation>折现系数</translation>
    </message>
    <message>
        <source>Discounted value</source>
        <translation>折现价值</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Win-back cost</source>
        <translation>挽回成本</translation>
    </message>
    <message>
        <source>SLTV</source>
        <translation>SLTV</translation>
    </message>
    <message>
        <source>annual margin</source>
        <translation>年毛利</translation>
    </message>
    <message>
        <source>annual revenue</source>
        <translation>年消费额</translation>
    </message>
    <message>
        <source>Missing customer data: {inputs}.</source>
        <translation>缺少客户数据：{inputs}。</translation>
    </message>
    <message>
        <source>All customer inputs were present.</source>
        <translation>客户数据齐全。</translation>
    </message>
    <message>
        <source>Parameters marked (default) are not set by the campaign.</source>
        <translation>标注“默认”的参数未由活动设置。</translation>
    </message>
    <message>
        <source>Imported SLTV {value} overrides the model for ranking.</source>
        <translation>导入的 SLTV {value} 优先于模型用于排序。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>

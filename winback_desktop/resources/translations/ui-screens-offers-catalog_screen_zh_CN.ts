<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OfferCatalogScreen</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cost rule</source>
        <translation>成本规则</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Name (English / 中文)</source>
        <translation>名称（English / 中文）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Percent of revenue</source>
        <translation>消费额百分比</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>At most (0: no cap)</source>
        <translation>最高（0：不设上限）</translation>
    </message>
    <message>
        <source>Chance it wins back</source>
        <translation>挽回可能性</translation>
    </message>
    <message>
        <source>Defection reasons</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>SLTV tiers</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>all (or names/ids, comma separated)</source>
        <translation>全部（或名称/编号，用逗号分隔）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Offered to agents</source>
        <translation>向坐席提供</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>新建优惠</translation>
    </message>
    <message>
        <source>Add shipped offers</source>
        <translation>添加内置优惠</translation>
    </message>
    <message>
        <source>Add the default offers that come with Winback Desktop and are not in the catalogue yet</source>
        <translation>添加 Winback Desktop 自带但尚未在目录中的默认优惠</translation>
    </message>
    <message>
        <source>Create offer</source>
        <translation>创建优惠</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>&lt;b&gt;{a}&lt;/b&gt; of &lt;b&gt;{n}&lt;/b&gt; offers accepted (&lt;b&gt;{w}&lt;/b&gt; calls won back, &lt;b&gt;{s}&lt;/b&gt; saved) · acceptance rate &lt;b&gt;{rate}&lt;/b&gt; · cost per accepted offer &lt;b&gt;{per}&lt;/b&gt; · SLTV recovered &lt;b&gt;{sltv}&lt;/b&gt; · median approval turnaround &lt;b&gt;{mins}&lt;/b&gt; min</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; 个优惠中 &lt;b&gt;{a}&lt;/b&gt; 个被接受（通话挽回 &lt;b&gt;{w}&lt;/b&gt;，保留 &lt;b&gt;{s}&lt;/b&gt;）· 接受率 &lt;b&gt;{rate}&lt;/b&gt; · 每个已接受优惠的成本 &lt;b&gt;{per}&lt;/b&gt; · 挽回的 SLTV &lt;b&gt;{sltv}&lt;/b&gt; · 审批周转中位数 &lt;b&gt;{mins}&lt;/b&gt; 分钟</translation>
    </message>
    <message>
        <source>Highest offer cost each role may give without asking anyone, per SLTV tier. A person&apos;s own limit, when set, wins over their role&apos;s.</source>
        <translation>各角色按 SLTV 等级无需请示即可给出的最高优惠成本。个人额度一旦设置，优先于其角色的额度。</translation>
    </message>
    <message>
        <source>Per-person limits (empty: use the matrix)</source>
        <translation>个人额度（留空：使用权限矩阵）</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Own limit (¥)</source>
        <translation>个人额度（¥）</translation>
    </message>
    <message>
        <source>Save authority</source>
        <translation>保存权限</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>always</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有客户</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{p}% of revenue × {m} months</source>
        <translation>消费额的 {p}% × {m} 个月</translation>
    </message>
    <message>
        <source>{m} month(s) of revenue</source>
        <translation>{m} 个月的消费额</translation>
    </message>
    <message>
        <source>(max {v})</source>
        <translation>（最高 {v}）</translation>
    </message>
    <message>
        <source>Saved {code} version {v}.</source>
        <translation>已保存 {code} 第 {v} 版。</translation>
    </message>
    <message>
        <source>Added {n} shipped offer(s).</source>
        <translation>已添加 {n} 个内置优惠。</translation>
    </message>
    <message>
        <source>Amounts are numbers in yuan, e.g. 500.00</source>
        <translation>金额以元为单位填写数字，例如 500.00</translation>
    </message>
    <message>
        <source>Authority saved.</source>
        <translation>权限已保存。</translation>
    </message>
    <message>
        <source>Export offers report</source>
        <translation>导出优惠报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Offers</source>
        <translation>优惠</translation>
    </message>
</context>
</TS>

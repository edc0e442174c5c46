<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Screens</name>
    <message>
        <source>Segmentation</source>
        <translation>客户细分</translation>
    </message>
</context>
<context>
    <name>SegmentationScreen</name>
    <message>
        <source>Choose what happens to lost customers in each cell: quick win-back calls now, a long-term nurture plan, or no pursuit. The number under each choice is how many customers are in that cell today.</source>
        <translation>为每个格子选择流失客户的处理方式：立即快速挽回、长期培育计划，或不再追回。每个选项下方的数字是该格子当前的客户数。</translation>
    </message>
    <message>
        <source>Tier thresholds (lowest SLTV of each tier)</source>
        <translation>等级阈值（各等级的最低 SLTV）</translation>
    </message>
    <message>
        <source>below ¥ 0</source>
        <translation>低于 ¥ 0</translation>
    </message>
    <message>
        <source>Save thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Customers per treatment</source>
        <translation>各处理方式的客户数</translation>
    </message>
    <message>
        <source>Refresh counts</source>
        <translation>刷新数量</translation>
    </message>
    <message>
        <source>Restore defaults…</source>
        <translation>恢复默认…</translation>
    </message>
    <message>
        <source>Saving and re-segmenting customers…</source>
        <extracomment>asks before a change that moves customers (tests answer it themselves)</extracomment>
        <translation>正在保存并重新细分客户…</translation>
    </message>
    <message>
        <source>{tier}
≥ {amount}
{n} customers</source>
        <translation>{tier}
≥ {amount}
{n} 位客户</translation>
    </message>
    <message>
        <source>{tier}
{n} customers</source>
        <translation>{tier}
{n} 位客户</translation>
    </message>
    <message>
        <source>Change the treatment</source>
        <translation>更改处理方式</translation>
    </message>
    <message>
        <source>Move them</source>
        <translation>移动客户</translation>
    </message>
    <message>
        <source>{customers} customers in {tier} × {reason} move from {old} to {new}, and their open tasks follow. Change it?</source>
        <translation>{tier} × {reason} 中的 {customers} 位客户将从“{old}”改为“{new}”，其未完成任务也会随之调整。确定更改吗？</translation>
    </message>
    <message>
        <source>Saved: {tier} × {reason} → {treatment}.</source>
        <translation>已保存：{tier} × {reason} → {treatment}。</translation>
    </message>
    <message>
        <source>{customers} customers moved; {closed} open tasks closed, {reopened} reopened.</source>
        <translation>{customers} 位客户调整了分组；关闭 {closed} 个未完成任务，重新开放 {reopened} 个。</translation>
    </message>
    <message>
        <source>Each tier must start above the next one: A &gt; B &gt; C &gt; D ≥ 0.</source>
        <translation>每一级的下限必须高于下一级：A &gt; B &gt; C &gt; D ≥ 0。</translation>
    </message>
    <message>
        <source>Thresholds saved.</source>
        <translation>分级门槛已保存。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Set every cell back to the book&apos;s default treatment?</source>
        <translation>将所有格子恢复为书中的默认处理方式？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Defaults restored ({n} cells changed).</source>
        <translation>已恢复默认（修改了 {n} 个格子）。</translation>
    </message>
</context>
</TS>

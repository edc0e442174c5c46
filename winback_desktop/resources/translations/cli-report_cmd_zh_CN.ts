<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>programme reports</source>
        <translation>项目报表</translation>
    </message>
    <message>
        <source>recovery, return and who comes back, for a period</source>
        <translation>某一期间的挽回率、回报以及哪些客户会回来</translation>
    </message>
    <message>
        <source>2026, 2026-Q4, 2026-11, 2026-W47, 2026-11-20 or 2026-11-01..2026-11-15 (default: this month)</source>
        <translation>2026、2026-Q4、2026-11、2026-W47、2026-11-20 或 2026-11-01..2026-11-15（默认：本月）</translation>
    </message>
    <message>
        <source>what an hour of an agent&apos;s time costs (default: the team setting)</source>
        <translation>坐席每小时的人工成本（默认：团队设置）</translation>
    </message>
    <message>
        <source>also write the report to FILE (.xlsx or .pdf)</source>
        <translation>同时将报表写入文件（.xlsx 或 .pdf）</translation>
    </message>
    <message>
        <source>Programme {start} – {end}</source>
        <translation>挽回项目 {start} – {end}</translation>
    </message>
    <message>
        <source>calls {calls}, customers worked {customers}, right-party contacts {rpc}</source>
        <translation>通话 {calls} 次，跟进客户 {customers} 位，有效联系 {rpc} 次</translation>
    </message>
    <message>
        <source>won back {won} (recovery rate {rate}), saved {saved}</source>
        <translation>挽回 {won} 位（挽回率 {rate}），挽留 {saved} 位</translation>
    </message>
    <message>
        <source>SLTV recovered {sltv} − offer cost {offers} − labour cost {labour} = return {ret} ({per} per call)</source>
        <translation>挽回的 SLTV {sltv} − 优惠成本 {offers} − 人工成本 {labour} = 回报 {ret}（每次通话 {per}）</translation>
    </message>
    <message>
        <source>won back {won} of {calls} calls, return {ret}</source>
        <translation>{calls} 次通话中挽回 {won} 位，回报 {ret}</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not a period: &apos;{period}&apos;. Use 2026, 2026-Q4, 2026-11, 2026-W47, 2026-11-20 or 2026-11-01..2026-11-15.</source>
        <translation>“{period}”不是有效的期间。请使用 2026、2026-Q4、2026-11、2026-W47、2026-11-20 或 2026-11-01..2026-11-15。</translation>
    </message>
    <message>
        <source>{name} must be at least {minimum}.</source>
        <translation>{name} 至少为 {minimum}。</translation>
    </message>
</context>
</TS>

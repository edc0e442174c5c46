<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>early warning: customers slipping away</source>
        <translation>流失预警：正在流失的客户</translation>
    </message>
    <message>
        <source>scan purchase histories and imported signs; flag customers at risk and queue them in running save campaigns</source>
        <translation>扫描购买记录和导入的预警信号；标记有流失风险的客户，并加入进行中的挽留活动队列</translation>
    </message>
    <message>
        <source>scan as of this day (default: today)</source>
        <translation>按此日期扫描（默认：今天）</translation>
    </message>
    <message>
        <source>customers flagged at risk, with the signals why</source>
        <translation>被标记为有流失风险的客户及其预警信号</translation>
    </message>
    <message>
        <source>closed flags too</source>
        <translation>包括已关闭的标记</translation>
    </message>
    <message>
        <source>close a flag judged wrong; the customer&apos;s status goes back</source>
        <translation>关闭误判的标记；客户状态恢复原样</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Scanned {scanned} customers ({history} with a purchase history): {flagged} flagged at risk, {queued} queued in save campaigns.</source>
        <translation>已扫描 {scanned} 位客户（其中 {history} 位有购买记录）：{flagged} 位被标记为有流失风险，{queued} 位加入挽留活动队列。</translation>
    </message>
    <message>
        <source>No customers at risk.</source>
        <translation>没有有流失风险的客户。</translation>
    </message>
    <message>
        <source>Flag #{flag} dismissed.</source>
        <translation>标记 #{flag} 已撤销。</translation>
    </message>
</context>
</TS>

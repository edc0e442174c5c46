<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>the agent desk: callbacks, not ready, figures</source>
        <translation>坐席工作台：回拨、未就绪、数据</translation>
    </message>
    <message>
        <source>an agent&apos;s callbacks: overdue, today, later</source>
        <translation>坐席的回拨：逾期、今天、以后</translation>
    </message>
    <message>
        <source>agent login</source>
        <translation>坐席登录名</translation>
    </message>
    <message>
        <source>an agent&apos;s figures for today (as on the scorecard)</source>
        <translation>坐席今天的数据（与绩效卡口径相同）</translation>
    </message>
    <message>
        <source>customers an agent has called</source>
        <translation>坐席拨打过的客户</translation>
    </message>
    <message>
        <source>name, customer number or phone</source>
        <translation>姓名、客户编号或电话</translation>
    </message>
    <message>
        <source>list the not-ready reasons</source>
        <translation>列出未就绪原因</translation>
    </message>
    <message>
        <source>add, rename or retire a not-ready reason</source>
        <translation>新增、重命名或停用未就绪原因</translation>
    </message>
    <message>
        <source>the name agents see</source>
        <translation>坐席看到的名称</translation>
    </message>
    <message>
        <source>no longer offered</source>
        <translation>不再提供</translation>
    </message>
    <message>
        <source>show or set the wrap-up limit in seconds (0: none)</source>
        <translation>查看或设置话后处理时限（秒，0 为不限）</translation>
    </message>
    <message>
        <source>set an agent to not ready (a supervisor&apos;s action)</source>
        <translation>将坐席设为未就绪（主管操作）</translation>
    </message>
    <message>
        <source>not-ready reason</source>
        <translation>未就绪原因</translation>
    </message>
    <message>
        <source>supervisor login (default: admin)</source>
        <translation>主管登录名（默认：管理员）</translation>
    </message>
    <message>
        <source>log an agent out (a supervisor&apos;s action)</source>
        <translation>将坐席登出（主管操作）</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>No callbacks waiting.</source>
        <translation>没有等待中的回拨。</translation>
    </message>
    <message>
        <source>{day}: {calls} calls, {contacts} contacts, {winbacks} win-backs, {saves} saves, {talk:.0f} s talking.</source>
        <translation>{day}：呼叫 {calls}，接通 {contacts}，赢回 {winbacks}，挽留 {saves}，通话 {talk:.0f} 秒。</translation>
    </message>
    <message>
        <source>No customer found.</source>
        <translation>没有找到客户。</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Reason &apos;{code}&apos; saved.</source>
        <translation>原因“{code}”已保存。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>没有需要修改的内容。</translation>
    </message>
    <message>
        <source>Wrap-up limit: {n} s.</source>
        <translation>话后处理时限：{n} 秒。</translation>
    </message>
    <message>
        <source>Wrap-up limit: none.</source>
        <translation>话后处理时限：不限。</translation>
    </message>
    <message>
        <source>{agent} is set to not ready.</source>
        <translation>{agent} 已设为未就绪。</translation>
    </message>
    <message>
        <source>{agent} is logged out.</source>
        <translation>{agent} 已登出。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>the call queue</source>
        <translation>呼叫队列</translation>
    </message>
    <message>
        <source>claim the next customer for an agent</source>
        <translation>为坐席领取下一位客户</translation>
    </message>
    <message>
        <source>agent login</source>
        <translation>坐席登录名</translation>
    </message>
    <message>
        <source>campaign name or id</source>
        <translation>活动名称或编号</translation>
    </message>
    <message>
        <source>give a claimed task back to the queue</source>
        <translation>把已领取的任务退回队列</translation>
    </message>
    <message>
        <source>agent login (default: whoever holds the task)</source>
        <translation>坐席登录名（默认：当前持有该任务的人）</translation>
    </message>
    <message>
        <source>list open tasks by priority</source>
        <translation>按优先级列出未完成的任务</translation>
    </message>
    <message>
        <source>at most this many rows</source>
        <translation>最多显示这么多行</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>record a finished call on a task</source>
        <translation>为任务记录一次已结束的通话</translation>
    </message>
    <message>
        <source>call notes</source>
        <translation>通话备注</translation>
    </message>
    <message>
        <source>callback time, ISO 8601; without an offset it is the customer&apos;s local time</source>
        <translation>回拨时间，ISO 8601 格式；不带时区偏移时按客户当地时间</translation>
    </message>
    <message>
        <source>a team callback (any agent may take it)</source>
        <translation>团队回拨（任何坐席都可接手）</translation>
    </message>
    <message>
        <source>Nobody can be called now.</source>
        <translation>现在没有可以呼叫的客户。</translation>
    </message>
    <message>
        <source>Task {task}: {name} ({external_id}), SLTV {sltv}.</source>
        <translation>任务 {task}：{name}（{external_id}），SLTV {sltv}。</translation>
    </message>
    <message>
        <source>Task {task} is back in the queue.</source>
        <translation>任务 {task} 已退回队列。</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>队列为空。</translation>
    </message>
    <message>
        <source>Call {call} logged; task {task} is now {status}.</source>
        <translation>通话 {call} 已记录；任务 {task} 现在的状态为 {status}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not an ISO date and time: &apos;{value}&apos;.</source>
        <translation>不是 ISO 日期时间：“{value}”。</translation>
    </message>
</context>
</TS>

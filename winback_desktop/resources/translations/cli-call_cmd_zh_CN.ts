<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>start a call on a task the agent holds (prints the call id)</source>
        <translation>对坐席持有的任务发起通话（输出通话编号）</translation>
    </message>
    <message>
        <source>agent login</source>
        <translation>坐席登录名</translation>
    </message>
    <message>
        <source>number dialled (default: the customer&apos;s primary phone)</source>
        <translation>拨打的号码（默认：客户的主号码）</translation>
    </message>
    <message>
        <source>the customer answered (safe to repeat)</source>
        <translation>客户已接听（可重复执行）</translation>
    </message>
    <message>
        <source>hang up (safe to repeat)</source>
        <translation>挂断（可重复执行）</translation>
    </message>
    <message>
        <source>record a call&apos;s outcome and close it</source>
        <translation>记录通话结果并结束通话</translation>
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
        <source>change a recorded outcome (the agent within 15 minutes, a supervisor any time)</source>
        <translation>修改已记录的结果（坐席 15 分钟内，主管随时）</translation>
    </message>
    <message>
        <source>why the outcome changes</source>
        <translation>修改结果的原因</translation>
    </message>
    <message>
        <source>who amends (the call&apos;s agent or a supervisor)</source>
        <translation>修改人（该通话的坐席或主管）</translation>
    </message>
    <message>
        <source>callback time, ISO 8601, when amending to a callback</source>
        <translation>改为回拨时的回拨时间，ISO 8601 格式</translation>
    </message>
    <message>
        <source>show one call</source>
        <translation>显示一通通话</translation>
    </message>
    <message>
        <source>close calls left open past their lease by a crashed workstation (abandoned; their tasks return to the queue); for a scheduled job</source>
        <translation>关闭因工作站崩溃而超过租约仍未结束的通话（记为放弃；其任务回到队列）；供计划任务使用</translation>
    </message>
    <message>
        <source>list calls</source>
        <translation>列出通话</translation>
    </message>
    <message>
        <source>calls not closed yet</source>
        <translation>尚未结束的通话</translation>
    </message>
    <message>
        <source>Call {call} is answered.</source>
        <translation>通话 {call} 已接听。</translation>
    </message>
    <message>
        <source>Call {call} has ended; record its outcome.</source>
        <translation>通话 {call} 已挂断；请记录结果。</translation>
    </message>
    <message>
        <source>Call {call} closed; task {task} is now {status}.</source>
        <translation>通话 {call} 已结束；任务 {task} 现在为 {status}。</translation>
    </message>
    <message>
        <source>Call {call} amended to {outcome}.</source>
        <translation>通话 {call} 的结果已改为 {outcome}。</translation>
    </message>
    <message>
        <source>No open calls.</source>
        <translation>没有未结束的通话。</translation>
    </message>
    <message>
        <source>{n} stale call(s) closed as abandoned.</source>
        <translation>已将 {n} 个超时通话关闭为放弃。</translation>
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

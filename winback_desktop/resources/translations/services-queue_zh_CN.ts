<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>You no longer hold task {task}: its lease expired or it was released.</source>
        <extracomment>expired leases are swept by claims at most this often (per Database object)</extracomment>
        <translation>您已不再持有任务 {task}：租约已过期或已被释放。</translation>
    </message>
    <message>
        <source>You are not assigned to the campaign &apos;{campaign}&apos;.</source>
        <translation>您未被分配到活动“{campaign}”。</translation>
    </message>
    <message>
        <source>This callback is no longer waiting: someone took it or it was rescheduled.</source>
        <extracomment>as the win model last scored the task (``services.win_model``) one vacuum in this many also refreshes the planner&apos;s statistics</extracomment>
        <translation>此回拨已不在等待中：已被他人接手或已改期。</translation>
    </message>
</context>
</TS>

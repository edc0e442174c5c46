<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentDesk</name>
    <message>
        <source>Ask for help</source>
        <extracomment>a callback the agent chose to open (task id): the workspace claims and shows it the desk went not ready (True) or ready (False) — by the agent or a supervisor a supervisor logged this agent out the wrap-up limit ran out (the agent shows ready again on the board) text (or a function wording it, so a language switch words it again), kind coaching notes sit here, inside the desk, when the workspace is on screen</extracomment>
        <translation>请求帮助</translation>
    </message>
    <message>
        <source>Your row lights up on the supervisor&apos;s board</source>
        <translation>主管看板上您的那一行会高亮显示</translation>
    </message>
    <message>
        <source>Stop taking customers (F9); the arrow picks the reason</source>
        <translation>暂停接收客户（F9）；点箭头选择原因</translation>
    </message>
    <message>
        <source>Your figures for today, counted as on your scorecard</source>
        <translation>您今天的数据，口径与您的绩效卡相同</translation>
    </message>
    <message>
        <source>Today — calls {calls} · contacts {contacts} · win-backs {winbacks} · saves {saves} · talk {talk}</source>
        <translation>今日 — 呼叫 {calls} · 接通 {contacts} · 赢回 {winbacks} · 挽留 {saves} · 通话 {talk}</translation>
    </message>
    <message>
        <source>Ready again (F9)</source>
        <translation>恢复就绪（F9）</translation>
    </message>
    <message>
        <source>Not ready (F9)</source>
        <translation>未就绪（F9）</translation>
    </message>
    <message>
        <source>You are not ready ({reason}). Press {key} to come back.</source>
        <translation>您当前未就绪（{reason}）。按 {key} 恢复工作。</translation>
    </message>
    <message>
        <source>Your supervisor sees that you asked for help.</source>
        <translation>主管已能看到您在请求帮助。</translation>
    </message>
    <message>
        <source>{name} set you to not ready ({reason}) from the end of this call.</source>
        <translation>{name} 已将你设为未就绪（{reason}），本次通话结束后生效。</translation>
    </message>
    <message>
        <source>{name} logged you out.</source>
        <translation>{name} 已将您登出。</translation>
    </message>
    <message>
        <source>{name} set you to not ready ({reason}).</source>
        <translation>{name} 已将您设为未就绪（{reason}）。</translation>
    </message>
    <message>
        <source>Wrap-up time is up: you show as ready — record the outcome</source>
        <translation>话后处理时间已到：您已显示为就绪——请记录结果</translation>
    </message>
    <message>
        <source>Wrap-up: {left} left</source>
        <translation>话后处理：剩余 {left}</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <source>Due</source>
        <extracomment>how often the desk reads its own presence row (a supervisor&apos;s forced change) the wrap-up countdown turns amber this many seconds before the limit</extracomment>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Call back now</source>
        <translation>立即回拨</translation>
    </message>
    <message>
        <source>Take this customer now (Enter)</source>
        <translation>现在接手这位客户（Enter）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{name} (team)</source>
        <translation>{name}（团队）</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} today · {later} later</source>
        <translation>逾期 {overdue} · 今天 {today} · 以后 {later}</translation>
    </message>
    <message>
        <source>No callbacks waiting for you.</source>
        <translation>没有等待您的回拨。</translation>
    </message>
</context>
<context>
    <name>DeskHome</name>
    <message>
        <source>My callbacks ({n})</source>
        <translation>我的回拨（{n}）</translation>
    </message>
    <message>
        <source>My callbacks</source>
        <translation>我的回拨</translation>
    </message>
    <message>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
</context>
<context>
    <name>WorkedCustomersView</name>
    <message>
        <source>Search by name, customer number or phone</source>
        <translation>按姓名、客户编号或电话搜索</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>最近通话</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>最近结果</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <source>Only customers you have called are listed (the newest {n}).</source>
        <translation>只列出您拨打过的客户（最近 {n} 位）。</translation>
    </message>
    <message>
        <source>None of the customers you called matches &apos;{text}&apos;.</source>
        <translation>您拨打过的客户中没有匹配“{text}”的。</translation>
    </message>
</context>
</TS>

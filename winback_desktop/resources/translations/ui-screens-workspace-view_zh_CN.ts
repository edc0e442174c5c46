<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Campaign:</source>
        <extracomment>the banner&apos;s colours (background, text) by kind</extracomment>
        <translation>活动：</translation>
    </message>
    <message>
        <source>All my campaigns</source>
        <translation>我的全部活动</translation>
    </message>
    <message>
        <source>Exit interview</source>
        <translation>流失访谈</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Skip customer</source>
        <translation>跳过客户</translation>
    </message>
    <message>
        <source>Put this customer back in the queue without calling</source>
        <translation>不呼叫，将此客户放回队列</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>通话备注</translation>
    </message>
    <message>
        <source>What did the customer say? Kept until the outcome is saved.</source>
        <translation>客户说了什么？在通话结果保存之前会一直保留。</translation>
    </message>
    <message>
        <source>Outcome (keys 0–9 after hanging up; Alt+0–9 during the call)</source>
        <translation>结果（挂断后按 0–9；通话中按 Alt+0–9）</translation>
    </message>
    <message>
        <source>Amend last outcome…</source>
        <translation>修改上一个结果…</translation>
    </message>
    <message>
        <source>Correct the outcome you just recorded (within 15 minutes; a supervisor can amend any time). A reason is required and kept in the audit log.</source>
        <translation>更正刚记录的结果（15 分钟内；主管可随时修改）。必须填写原因，并记入审计日志。</translation>
    </message>
    <message>
        <source>Next customer ({key})</source>
        <translation>下一位客户 ({key})</translation>
    </message>
    <message>
        <source>Answered ({key})</source>
        <translation>已接通 ({key})</translation>
    </message>
    <message>
        <source>Hang up ({key})</source>
        <translation>挂断 ({key})</translation>
    </message>
    <message>
        <source>Shortcut: {digit} after hanging up, Alt+{digit} any time</source>
        <translation>快捷键：挂断后按 {digit}，随时按 Alt+{digit}</translation>
    </message>
    <message>
        <source>Keys: {next} next customer · {dial} dial · {answer} answered · {hangup} hang up · 1–9 outcome · {brk} break</source>
        <translation>快捷键：{next} 下一位客户 · {dial} 拨号 · {answer} 已接通 · {hangup} 挂断 · 1–9 结果 · {brk} 休息</translation>
    </message>
    <message>
        <source>You are not assigned to a campaign, so there is no queue to work. Ask an administrator to add you to a campaign&apos;s agents (Campaigns screen).</source>
        <translation>您尚未分配到任何活动，因此没有可处理的队列。请管理员在“活动”界面把您加入某个活动的坐席。</translation>
    </message>
    <message>
        <source>Press {key} to get your next customer.</source>
        <translation>按 {key} 获取下一位客户。</translation>
    </message>
    <message>
        <source>Call {total}</source>
        <translation>通话 {total}</translation>
    </message>
    <message>
        <source>talking {talk}</source>
        <translation>交谈 {talk}</translation>
    </message>
    <message>
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>Outcome · talking {talk}</source>
        <translation>记录结果 · 通话中 {talk}</translation>
    </message>
    <message>
        <source>Wrap-up {wrap}</source>
        <translation>话后处理 {wrap}</translation>
    </message>
    <message>
        <source>Ready to dial</source>
        <translation>准备拨号</translation>
    </message>
    <message>
        <source>Amend last outcome</source>
        <translation>修改上一个结果</translation>
    </message>
    <message>
        <source>Why is the outcome changed?</source>
        <translation>为什么修改结果？</translation>
    </message>
    <message>
        <source>Correct outcome:</source>
        <translation>正确的结果：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
</TS>

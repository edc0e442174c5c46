<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Screens</name>
    <message>
        <source>Call workspace</source>
        <translation>呼叫工作台</translation>
    </message>
</context>
<context>
    <name>WorkspaceScreen</name>
    <message>
        <source>Campaign:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>All my campaigns</source>
        <translation>我的全部活动</translation>
    </message>
    <message>
        <source>Next customer ({key})</source>
        <translation>下一位客户 ({key})</translation>
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
        <source>Answered ({key})</source>
        <translation>已接通 ({key})</translation>
    </message>
    <message>
        <source>Hang up ({key})</source>
        <translation>挂断 ({key})</translation>
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
        <source>Call in progress</source>
        <extracomment>Disposition keys: the digit on the button is its shortcut. A bare digit records only at the outcome step (hung up, or an offer accepted) and never while a text box or the interview has the keyboard; Alt+digit works from anywhere during the call. (Ctrl+digit belongs to the main window&apos;s navigation.) the phases in which a call is open on this desk the successful outcome for the held customer (won back, or saved by a save campaign); key 8 records it the outcome cannot be stored (not a connection problem): allow leaving the call whether the user is assigned to a running campaign (None until known) set once the agent agreed to leave mid-call (quit, logout) the last call whose outcome this desk stored (the amend button corrects it) an offer of this call waits for a supervisor (the banner says so until decided)</extracomment>
        <translation>通话进行中</translation>
    </message>
    <message>
        <source>You are on a call with {name}. Leave anyway? The call is closed without an outcome and the customer goes back to the queue; your notes are kept as a draft.</source>
        <translation>您正在与 {name} 通话。仍要离开吗？该通话将在没有结果的情况下关闭，客户回到队列；您的备注会保存为草稿。</translation>
    </message>
    <message>
        <source>Outcome (keys 0–9 after hanging up; Alt+0–9 during the call)</source>
        <translation>结果（挂断后按 0–9；通话中按 Alt+0–9）</translation>
    </message>
    <message>
        <source>Shortcut: {digit} after hanging up, Alt+{digit} any time</source>
        <translation>快捷键：挂断后按 {digit}，随时按 Alt+{digit}</translation>
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
        <source>Keys: {next} next customer · {dial} dial · {answer} answered · {hangup} hang up · 1–9 outcome · {brk} break</source>
        <translation>快捷键：{next} 下一位客户 · {dial} 拨号 · {answer} 已接通 · {hangup} 挂断 · 1–9 结果 · {brk} 休息</translation>
    </message>
    <message>
        <source>Press {key} to get your next customer.</source>
        <translation>按 {key} 获取下一位客户。</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <source>You are not assigned to a campaign, so there is no queue to work. Ask an administrator to add you to a campaign&apos;s agents (Campaigns screen).</source>
        <translation>您尚未分配到任何活动，因此没有可处理的队列。请管理员在“活动”界面把您加入某个活动的坐席。</translation>
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
        <source>{n} customer(s) you held in an earlier session went back to the queue.</source>
        <translation>您在上一次会话中占用的 {n} 位客户已放回队列。</translation>
    </message>
    <message>
        <source>Record the outcome of this customer first (keys 1–9).</source>
        <translation>请先记录此客户的通话结果（按键 1–9）。</translation>
    </message>
    <message>
        <source>Nobody is waiting in this queue right now.
Customers come back when their retry time or calling window opens — try again in a few minutes, or pick another campaign.</source>
        <translation>此队列当前没有待呼叫的客户。
客户会在重试间隔结束或进入呼叫时段后回到队列——请几分钟后再试，或选择其他活动。</translation>
    </message>
    <message>
        <source>The queue is empty for now.</source>
        <translation>队列暂时为空。</translation>
    </message>
    <message>
        <source>Callback due: this customer asked to be called now.</source>
        <translation>回拨到期：客户约定现在回电。</translation>
    </message>
    <message>
        <source>Your notes from an earlier, unsaved call with this customer are back in the notes box.</source>
        <translation>您上一次与此客户通话时未保存的备注已恢复到备注框中。</translation>
    </message>
    <message>
        <source>Dialling {number} — the number is also on the clipboard.</source>
        <translation>正在拨打 {number}，号码已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Call ended: {cause}.</source>
        <translation>通话结束：{cause}。</translation>
    </message>
    <message>
        <source>Suggested outcome: {outcome} (key {digit}).</source>
        <translation>建议的结果：{outcome}（按键 {digit}）。</translation>
    </message>
    <message>
        <source>Dial the customer first ({key}), or skip them.</source>
        <translation>请先拨打客户电话（{key}），或跳过此客户。</translation>
    </message>
    <message>
        <source>&apos;{outcome}&apos; needs a conversation: mark the call answered first ({key}).</source>
        <translation>“{outcome}”需要与客户通话：请先标记为已接听（{key}）。</translation>
    </message>
    <message>
        <source>Saved. Press {key} for the next customer.</source>
        <translation>已保存。按 {key} 获取下一位客户。</translation>
    </message>
    <message>
        <source>Saved: {outcome}.</source>
        <translation>已保存：{outcome}。</translation>
    </message>
    <message>
        <source>The outcome was not saved: {error} Your notes are kept; try again.</source>
        <translation>通话结果未保存：{error} 您的备注已保留，请重试。</translation>
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
    <message>
        <source>Outcome amended: {outcome}.</source>
        <translation>结果已修改为：{outcome}。</translation>
    </message>
    <message>
        <source>Customer put back. Press {key} for the next one.</source>
        <translation>客户已放回队列。按 {key} 获取下一位。</translation>
    </message>
    <message>
        <source>Left without an outcome; your notes are on the clipboard.</source>
        <translation>已离开，未记录结果；您的备注已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Offer accepted. The customer is still on the line: finish the interview, then record {outcome} ({digit}).</source>
        <translation>客户已接受优惠，仍在线上：请完成访谈，然后记录{outcome}（{digit}）。</translation>
    </message>
    <message>
        <source>The offer is waiting for a supervisor. Keep talking, or schedule a callback (5) if the customer cannot wait.</source>
        <translation>优惠正在等待主管审批。请继续沟通；如果客户不能等待，请安排回拨（5）。</translation>
    </message>
    <message>
        <source>The offer was approved: present it now.</source>
        <translation>优惠已获批准：现在就向客户提出。</translation>
    </message>
    <message>
        <source>A supervisor made a counter-offer: present it instead.</source>
        <translation>主管给出了替代优惠：请改为提出该优惠。</translation>
    </message>
    <message>
        <source>The offer was rejected: choose another one.</source>
        <translation>优惠被拒绝：请另选一项。</translation>
    </message>
    <message>
        <source>Interview done: {reason} → {treatment}.</source>
        <translation>访谈完成：{reason} → {treatment}。</translation>
    </message>
    <message>
        <source>Could not renew your hold on this customer: {error} Your notes are kept.</source>
        <translation>无法续期对此客户的占用：{error} 您的备注已保留。</translation>
    </message>
</context>
</TS>

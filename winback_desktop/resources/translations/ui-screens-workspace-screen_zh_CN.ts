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
</context>
</TS>

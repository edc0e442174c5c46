<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InterviewRunner</name>
    <message>
        <source>No interview running. It starts when the customer answers (F6).</source>
        <extracomment>confirmed reason code, treatment code (the customer&apos;s new segment) short step for the live board: &quot;3/9 main_reason&quot;, &quot;9/9 confirm&quot;, &quot;paused&quot;, &quot;&quot; the interview was paused (answers kept) a service call failed; the message is also shown in the runner</extracomment>
        <translation>当前没有进行中的访谈。客户接听后（F6）即开始。</translation>
    </message>
    <message>
        <source>Switch script (only before the first answer)</source>
        <translation>切换脚本(仅限第一个回答之前)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Previous question (Alt+Left or Backspace)</source>
        <translation>上一个问题(Alt+左箭头 或 退格键)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Leave this question unanswered</source>
        <translation>不回答此问题</translation>
    </message>
    <message>
        <source>Finish now</source>
        <translation>立即结束</translation>
    </message>
    <message>
        <source>Go to the reason now; unanswered required questions lower adherence</source>
        <translation>直接确认原因;未回答的必答问题会降低遵循率</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Keep the answers and continue later (Ctrl+P)</source>
        <translation>保留回答,稍后继续(Ctrl+P)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Save the answer and go on (Enter)</source>
        <translation>保存回答并继续(回车)</translation>
    </message>
    <message>
        <source>Confirm the defection reason</source>
        <translation>确认流失原因</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因:</translation>
    </message>
    <message>
        <source>Confirm reason</source>
        <translation>确认原因</translation>
    </message>
    <message>
        <source>Save the reason and re-segment (Enter)</source>
        <translation>保存原因并重新分群(回车)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>客户的原话</translation>
    </message>
    <message>
        <source>Loading the interview…</source>
        <translation>正在加载访谈…</translation>
    </message>
    <message>
        <source>Preview paused.</source>
        <translation>预览已暂停。</translation>
    </message>
    <message>
        <source>Interview paused at question {done} of {total}. The answers are kept; it resumes the next time this customer is called.</source>
        <translation>访谈暂停于第 {done} 题(共 {total} 题)。回答已保存;下次致电该客户时将从此处继续。</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必答</translation>
    </message>
    <message>
        <source>This question is required. Answer it, or use Finish now if the customer will not say.</source>
        <translation>此问题为必答题。请作答;如果客户不愿回答,请点击“立即结束”。</translation>
    </message>
    <message>
        <source>Proposed reason: &lt;b&gt;{reason}&lt;/b&gt; (highest weight). SLTV tier {tier}.</source>
        <translation>建议原因:&lt;b&gt;{reason}&lt;/b&gt;(权重最高)。SLTV 等级 {tier}。</translation>
    </message>
    <message>
        <source>Weights: {weights}</source>
        <translation>权重:{weights}</translation>
    </message>
    <message>
        <source>No answer carried a weight: the reason stays unknown unless you choose one.</source>
        <translation>没有任何回答带有权重:除非您选择一个原因,否则原因保持未知。</translation>
    </message>
    <message>
        <source>Required questions answered: {answered} of {required}</source>
        <translation>已回答必答题:{answered} / {required}</translation>
    </message>
    <message>
        <source>You are overriding the proposal; this is recorded.</source>
        <translation>您正在更改建议的原因;此操作会被记录。</translation>
    </message>
    <message>
        <source>Reason confirmed: &lt;b&gt;{reason}&lt;/b&gt;.&lt;br&gt;Treatment: &lt;b&gt;{treatment}&lt;/b&gt;.</source>
        <translation>原因已确认:&lt;b&gt;{reason}&lt;/b&gt;。&lt;br&gt;处理方式:&lt;b&gt;{treatment}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>(Preview: nothing was saved.)</source>
        <translation>(预览:未保存任何内容。)</translation>
    </message>
</context>
</TS>

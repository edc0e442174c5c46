<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Pick a call to score.</source>
        <translation>请选择要评分的通话。</translation>
    </message>
</context>
<context>
    <name>QaScreen</name>
    <message>
        <source>Review calls</source>
        <translation>通话质检</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Calibration and report</source>
        <translation>校准与报表</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周起始日</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attach recording…</source>
        <translation>关联录音…</translation>
    </message>
    <message>
        <source>Score this call</source>
        <translation>为此通话评分</translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation>辅导意见</translation>
    </message>
    <message>
        <source>Calibration session (optional)</source>
        <translation>校准场次(可选)</translation>
    </message>
    <message>
        <source>Submit evaluation</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>Send back to the agent as a callback</source>
        <translation>退回坐席回拨纠正</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Critical fail</source>
        <translation>致命错误</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Why you dispute it (required to dispute)</source>
        <translation>异议原因(提出异议时必填)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>提出异议</translation>
    </message>
    <message>
        <source>Calibration session name</source>
        <translation>校准场次名称</translation>
    </message>
    <message>
        <source>Show spread</source>
        <translation>显示分歧</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>各人评分</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>极差</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Critical fails</source>
        <translation>致命错误</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>质检覆盖</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Sampled</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>Critical: a 0 here fails the whole evaluation</source>
        <translation>致命项:此处为 0 则整份评价不合格</translation>
    </message>
    <message>
        <source>{done} of {total} items scored</source>
        <translation>已评分 {done} / {total} 项</translation>
    </message>
    <message>
        <source>Score {pct}%</source>
        <translation>得分 {pct}%</translation>
    </message>
    <message>
        <source>critical fail</source>
        <translation>致命错误</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Interview answers</source>
        <translation>访谈回答</translation>
    </message>
    <message>
        <source>Attach recording</source>
        <translation>关联录音</translation>
    </message>
    <message>
        <source>Recording attached.</source>
        <translation>录音已关联。</translation>
    </message>
    <message>
        <source>Score every item before you submit ({left} left).</source>
        <translation>请先为每一项评分再提交（还剩 {left} 项）。</translation>
    </message>
    <message>
        <source>Evaluation saved.</source>
        <translation>评价已保存。</translation>
    </message>
    <message>
        <source>The agent will call the customer back.</source>
        <translation>坐席将回拨该客户。</translation>
    </message>
    <message>
        <source>Waiting for the agent</source>
        <translation>等待坐席回复</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有异议</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Thank you: your supervisor sees your answer.</source>
        <translation>谢谢,你的主管会看到你的回复。</translation>
    </message>
    <message>
        <source>Export QA report</source>
        <translation>导出质检报表</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <source>Pause</source>
        <extracomment>a score box&apos;s value while its item has not been scored</extracomment>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Quality</source>
        <translation>质检</translation>
    </message>
</context>
</TS>

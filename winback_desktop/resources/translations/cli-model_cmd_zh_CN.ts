<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>the win model: P(win-back) learned from outcomes</source>
        <translation>挽回模型：从通话结果中学习的挽回概率</translation>
    </message>
    <message>
        <source>fit the model and score every open task</source>
        <translation>拟合模型并为每个未结任务评分</translation>
    </message>
    <message>
        <source>only this campaign&apos;s tasks</source>
        <translation>仅此活动的任务</translation>
    </message>
    <message>
        <source>rebuild the counts from every recorded call first</source>
        <translation>先根据所有已记录的通话重建计数</translation>
    </message>
    <message>
        <source>tries, wins and P(win) by defection reason, and the calibration</source>
        <translation>按流失原因列出尝试次数、成功次数和挽回概率，以及校准情况</translation>
    </message>
    <message>
        <source>all tries</source>
        <translation>全部尝试</translation>
    </message>
    <message>
        <source>the defection reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>reason × tier</source>
        <translation>原因 × 等级</translation>
    </message>
    <message>
        <source>the cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>win-back campaigns</source>
        <translation>挽回活动</translation>
    </message>
    <message>
        <source>save campaigns</source>
        <translation>挽留活动</translation>
    </message>
    <message>
        <source>P(win-back) of the next call: {p:.1%}</source>
        <translation>下一次通话的挽回概率：{p:.1%}</translation>
    </message>
    <message>
        <source>  cell {reason} / tier {tier} / {segment} / attempt {attempt} / {age} days since defection ({kind}): {wins} won of {tries} tries</source>
        <translation>  单元格 {reason} / 等级 {tier} / {segment} / 第 {attempt} 次尝试 / 流失后 {age} 天（{kind}）：{tries} 次尝试中成功 {wins} 次</translation>
    </message>
    <message>
        <source>  shrunk toward {level} at {rate:.1%} ({wins} of {tries}) with prior strength {kappa:.1f} tries</source>
        <translation>  向{level}收缩（{rate:.1%}，{tries} 次中成功 {wins} 次），先验强度相当于 {kappa:.1f} 次尝试</translation>
    </message>
    <message>
        <source>expected value of the call {ev} = {p:.1%} × value if won {value} − expected offer cost {offer} − contact cost {contact}</source>
        <translation>本次通话的期望价值 {ev} = {p:.1%} × 挽回后价值 {value} − 预期优惠成本 {offer} − 联系成本 {contact}</translation>
    </message>
    <message>
        <source>Model fitted on {tries} tries ({wins} wins); {scored} open tasks scored, {changed} changed, in {seconds:.1f} s.</source>
        <translation>模型已基于 {tries} 次尝试（成功 {wins} 次）拟合；已为 {scored} 个未结任务评分，其中 {changed} 个有变化，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>{kind}: {wins} wins of {tries} tries, P(win) {p:.1%}</source>
        <translation>{kind}：{tries} 次尝试中成功 {wins} 次，挽回概率 {p:.1%}</translation>
    </message>
    <message>
        <source>  {reason}: {wins} of {tries}, P(win) {p:.1%}</source>
        <translation>  {reason}：{tries} 次中成功 {wins} 次，挽回概率 {p:.1%}</translation>
    </message>
    <message>
        <source>calibration (predicted → observed by decile):</source>
        <translation>校准（按十分位：预测 → 实际）：</translation>
    </message>
</context>
</TS>

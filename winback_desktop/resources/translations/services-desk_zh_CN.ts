<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown not-ready reason &apos;{reason}&apos;.</source>
        <extracomment>team setting: seconds of wrap-up after hang-up before the desk turns ready by itself True when it is the agent&apos;s own callback; False for a team callback they may take the admin&apos;s label for a reason they added; None for a built-in (shown translated)</extracomment>
        <translation>未知的未就绪原因“{reason}”。</translation>
    </message>
    <message>
        <source>A reason code is 2–40 lower-case letters, digits or _ (e.g. &apos;coaching&apos;).</source>
        <translation>原因代码为 2–40 个小写字母、数字或下划线（例如 &apos;coaching&apos;）。</translation>
    </message>
    <message>
        <source>Keep the name under {n} characters.</source>
        <translation>名称请不超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>Give the new reason a name.</source>
        <translation>请为新原因填写名称。</translation>
    </message>
    <message>
        <source>Finish the call first; then you can go not ready.</source>
        <translation>请先结束通话，再切换为未就绪。</translation>
    </message>
    <message>
        <source>The agent is on a call; wait until it ends.</source>
        <translation>该坐席正在通话中，请等通话结束。</translation>
    </message>
    <message>
        <source>The wrap-up limit is 0 (none) to {max} seconds.</source>
        <translation>话后处理时限为 0（不限）到 {max} 秒。</translation>
    </message>
</context>
</TS>

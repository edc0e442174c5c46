<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>the phone system</source>
        <translation>电话系统</translation>
    </message>
    <message>
        <source>record a softphone event for this workstation&apos;s open call (MicroSIP&apos;s cmdCallStart, cmdCallEnd, cmdCallBusy)</source>
        <translation>为本工作站正在进行的通话记录软电话事件（MicroSIP 的 cmdCallStart、cmdCallEnd、cmdCallBusy）</translation>
    </message>
    <message>
        <source>the remote number</source>
        <translation>对方号码</translation>
    </message>
    <message>
        <source>workstation name (default: this PC)</source>
        <translation>工作站名称（默认：本机）</translation>
    </message>
    <message>
        <source>record the event now and report a refusal (without the app running, the hook otherwise hands it to a background worker so the softphone is not kept waiting)</source>
        <translation>立即记录该事件并报告拒绝原因（应用未运行时，挂钩默认交给后台进程记录，以免软电话等待）</translation>
    </message>
    <message>
        <source>record the phone events the hook kept while the database could not be reached</source>
        <translation>记录数据库无法连接期间挂钩暂存的电话事件</translation>
    </message>
    <message>
        <source>the configured phone connection, what it can do, and whether it answers</source>
        <translation>已配置的电话连接、它支持的功能以及是否有响应</translation>
    </message>
    <message>
        <source>write the winback hook lines into MicroSIP&apos;s settings file</source>
        <translation>把 winback 钩子命令写入 MicroSIP 的设置文件</translation>
    </message>
    <message>
        <source>path of microsip.ini</source>
        <translation>microsip.ini 的路径</translation>
    </message>
    <message>
        <source>path of the winback program MicroSIP runs (default: this one)</source>
        <translation>MicroSIP 要运行的 winback 程序路径（默认：当前程序）</translation>
    </message>
    <message>
        <source>{adapter}: {state} ({detail}); can: {caps}</source>
        <translation>{adapter}：{state}（{detail}）；支持：{caps}</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
</TS>

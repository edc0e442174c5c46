<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PhoneSettingsDialog</name>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Phone system</source>
        <translation>电话系统</translation>
    </message>
    <message>
        <source>Phone connection:</source>
        <translation>电话连接：</translation>
    </message>
    <message>
        <source>Dial opens a tel: link in the softphone Windows associates with it, and puts the number on the clipboard. Agents press Answered and Hang up themselves.</source>
        <translation>拨号时在 Windows 关联的软电话中打开 tel: 链接，并把号码复制到剪贴板。坐席需自己按“已接通”和“挂断”。</translation>
    </message>
    <message>
        <source>Winback drives the baresip user agent on each PC over its ctrl_tcp interface: dial, answer and hang-up detected, both sides recorded.</source>
        <translation>Winback 通过 ctrl_tcp 接口控制每台电脑上的 baresip 用户代理：自动拨号，检测接听和挂断，双方声音均录音。</translation>
    </message>
    <message>
        <source>Winback dials through MicroSIP&apos;s command line; MicroSIP reports answer and end by running &apos;winback phone hook&apos;. Write the hook lines once, with MicroSIP closed.</source>
        <translation>Winback 通过 MicroSIP 的命令行拨号；MicroSIP 运行“winback phone hook”报告接听和结束。请在关闭 MicroSIP 后写入一次钩子命令。</translation>
    </message>
    <message>
        <source>Winback asks Asterisk (FreePBX, Issabel …) over the Manager Interface to ring the agent&apos;s extension and then the customer; supervisors can listen, whisper and barge.</source>
        <translation>Winback 通过管理接口（AMI）让 Asterisk（FreePBX、Issabel 等）先呼叫坐席分机，再呼叫客户；主管可以监听、耳语和强插。</translation>
    </message>
    <message>
        <source>ctrl_tcp host:</source>
        <translation>ctrl_tcp 主机：</translation>
    </message>
    <message>
        <source>ctrl_tcp port:</source>
        <translation>ctrl_tcp 端口：</translation>
    </message>
    <message>
        <source>SIP account:</source>
        <translation>SIP 账户：</translation>
    </message>
    <message>
        <source>SIP password:</source>
        <translation>SIP 密码：</translation>
    </message>
    <message>
        <source>Recordings folder (snd_path):</source>
        <translation>录音文件夹（snd_path）：</translation>
    </message>
    <message>
        <source>Give up ringing after (seconds):</source>
        <translation>振铃超时放弃（秒）：</translation>
    </message>
    <message>
        <source>microsip.exe:</source>
        <translation>microsip.exe：</translation>
    </message>
    <message>
        <source>microsip.ini:</source>
        <translation>microsip.ini：</translation>
    </message>
    <message>
        <source>Recordings folder:</source>
        <translation>录音文件夹：</translation>
    </message>
    <message>
        <source>Hooks:</source>
        <translation>钩子命令：</translation>
    </message>
    <message>
        <source>AMI host:</source>
        <translation>AMI 主机：</translation>
    </message>
    <message>
        <source>AMI port:</source>
        <translation>AMI 端口：</translation>
    </message>
    <message>
        <source>AMI user:</source>
        <translation>AMI 用户：</translation>
    </message>
    <message>
        <source>AMI password:</source>
        <translation>AMI 密码：</translation>
    </message>
    <message>
        <source>Agent channel:</source>
        <translation>坐席通道：</translation>
    </message>
    <message>
        <source>Dial context:</source>
        <translation>拨号上下文：</translation>
    </message>
    <message>
        <source>MixMonitor folder on the PBX:</source>
        <translation>PBX 上的 MixMonitor 文件夹：</translation>
    </message>
    <message>
        <source>Same folder seen from this PC:</source>
        <translation>本机看到的同一文件夹：</translation>
    </message>
    <message>
        <source>Write the winback hooks into microsip.ini</source>
        <translation>把 winback 钩子命令写入 microsip.ini</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>stored in this PC&apos;s credential store; type to replace</source>
        <translation>已保存在本机凭据管理器中；输入新值可替换</translation>
    </message>
    <message>
        <source>kept in this PC&apos;s credential store</source>
        <translation>保存在本机凭据管理器中</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Connected: {detail}</source>
        <translation>已连接：{detail}</translation>
    </message>
    <message>
        <source>Not connected: {detail}</source>
        <translation>未连接：{detail}</translation>
    </message>
    <message>
        <source>{n} hook lines written into {path}.</source>
        <translation>已将 {n} 行钩子命令写入 {path}。</translation>
    </message>
</context>
</TS>

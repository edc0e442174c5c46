<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown agent state &apos;{state}&apos;.</source>
        <extracomment>why the agent is not ready (``NotReadyReason.code``) while on ``break`` the agent asked for help at this time (their row lights up on the board) a supervisor forced the current state</extracomment>
        <translation>未知的坐席状态“{state}”。</translation>
    </message>
</context>
</TS>

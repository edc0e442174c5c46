<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Negative</source>
        <extracomment>The tier column shows the bare letter; ``negative`` needs a word.</extracomment>
        <translation>负值</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Crash</name>
    <message>
        <source>Winback Desktop</source>
        <translation>Winback Desktop</translation>
    </message>
    <message>
        <source>Something went wrong that Winback Desktop did not expect. Your typed notes are saved as drafts and nothing you saved is lost.</source>
        <translation>Winback Desktop 遇到了意外错误。您输入的备注已保存为草稿，已保存的内容不会丢失。</translation>
    </message>
    <message>
        <source>A report was written to:
{path}
Please send it to your IT support.</source>
        <translation>错误报告已写入：
{path}
请将其发送给 IT 支持人员。</translation>
    </message>
</context>
</TS>

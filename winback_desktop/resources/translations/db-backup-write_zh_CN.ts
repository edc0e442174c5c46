<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The backup could not be written to {path}: {reason}. Free some space or choose another folder; no partial backup was left and nothing was changed.</source>
        <extracomment>Scratch folders of backups, checks and restores; a killed run leaves one behind. A scratch folder untouched this long belongs to no running backup.</extracomment>
        <translation>无法将备份写入 {path}：{reason}。请释放一些空间或选择其他文件夹；没有留下不完整的备份，也未做任何更改。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: no space left on the disk. Free some space or choose another folder; no partial backup was left and nothing was changed.</source>
        <translation>无法将备份写入 {path}：磁盘空间不足。请释放一些空间或选择其他文件夹；没有留下不完整的备份，也未做任何更改。</translation>
    </message>
</context>
</TS>

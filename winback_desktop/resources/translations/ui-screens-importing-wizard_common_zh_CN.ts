<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportWizard</name>
    <message>
        <source>China (+86)</source>
        <extracomment>phone regions offered for numbers written without a country code</extracomment>
        <translation>中国大陆 (+86)</translation>
    </message>
    <message>
        <source>Hong Kong (+852)</source>
        <translation>中国香港 (+852)</translation>
    </message>
    <message>
        <source>Macau (+853)</source>
        <translation>中国澳门 (+853)</translation>
    </message>
    <message>
        <source>Taiwan (+886)</source>
        <translation>中国台湾 (+886)</translation>
    </message>
    <message>
        <source>Singapore (+65)</source>
        <translation>新加坡 (+65)</translation>
    </message>
    <message>
        <source>Malaysia (+60)</source>
        <translation>马来西亚 (+60)</translation>
    </message>
    <message>
        <source>Japan (+81)</source>
        <translation>日本 (+81)</translation>
    </message>
    <message>
        <source>South Korea (+82)</source>
        <translation>韩国 (+82)</translation>
    </message>
    <message>
        <source>Australia (+61)</source>
        <translation>澳大利亚 (+61)</translation>
    </message>
    <message>
        <source>United Kingdom (+44)</source>
        <translation>英国 (+44)</translation>
    </message>
    <message>
        <source>Germany (+49)</source>
        <translation>德国 (+49)</translation>
    </message>
    <message>
        <source>France (+33)</source>
        <translation>法国 (+33)</translation>
    </message>
    <message>
        <source>United States / Canada (+1)</source>
        <translation>美国 / 加拿大 (+1)</translation>
    </message>
</context>
</TS>

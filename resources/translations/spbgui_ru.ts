<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>MainWindow</name>
    <message>
      <source>St Petersburg's partner cities</source>
      <translation>Города-партнёры Санкт-Петербурга</translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n партнёр</numerusform>
        <numerusform>%n партнёра</numerusform>
        <numerusform>%n партнёров</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Cannot open the database</source>
      <translation>Не удалось открыть базу данных</translation>
    </message>
  </context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>MainWindow</name>
    <message>
      <source>St Petersburg's partner cities</source>
      <translation>St Petersburg's partner cities</translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner(s)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Cannot open the database</source>
      <translation>Cannot open the database</translation>
    </message>
  </context>
</TS>
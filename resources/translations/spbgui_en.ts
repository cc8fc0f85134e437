<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About spbgui</source>
      <translation>About spbgui</translation>
    </message>
    <message>
      <source>&lt;h3&gt;St Petersburg's partner cities&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;The table of the committee for external relations: partners, agreements and the events of each year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Log: %3&lt;/p&gt;</source>
      <translation>&lt;h3&gt;St Petersburg's partner cities&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;The table of the committee for external relations: partners, agreements and the events of each year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Log: %3&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;New Database…</source>
      <translation>&amp;New Database…</translation>
    </message>
    <message>
      <source>Create a new, empty database file</source>
      <translation>Create a new, empty database file</translation>
    </message>
    <message>
      <source>&amp;Open Database…</source>
      <translation>&amp;Open Database…</translation>
    </message>
    <message>
      <source>Open another database file</source>
      <translation>Open another database file</translation>
    </message>
    <message>
      <source>&amp;Import Table…</source>
      <translation>&amp;Import Table…</translation>
    </message>
    <message>
      <source>Import the committee's table from an Excel workbook</source>
      <translation>Import the committee's table from an Excel workbook</translation>
    </message>
    <message>
      <source>&amp;Export Table…</source>
      <translation>&amp;Export Table…</translation>
    </message>
    <message>
      <source>Export to Excel comes with a later version</source>
      <translation>Export to Excel comes with a later version</translation>
    </message>
    <message>
      <source>&amp;Print Report…</source>
      <translation>&amp;Print Report…</translation>
    </message>
    <message>
      <source>The printed yearly report comes with a later version</source>
      <translation>The printed yearly report comes with a later version</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Close the program; every change is already saved</source>
      <translation>Close the program; every change is already saved</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>Undo the last change</source>
      <translation>Undo the last change</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>Redo the change just undone</source>
      <translation>Redo the change just undone</translation>
    </message>
    <message>
      <source>Re&amp;name</source>
      <translation>Re&amp;name</translation>
    </message>
    <message>
      <source>Rename the selected item</source>
      <translation>Rename the selected item</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <source>Delete the selected item (it can be undone)</source>
      <translation>Delete the selected item (it can be undone)</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;Find…</translation>
    </message>
    <message>
      <source>Search partners, agreements and events</source>
      <translation>Search partners, agreements and events</translation>
    </message>
    <message>
      <source>Add &amp;Region…</source>
      <translation>Add &amp;Region…</translation>
    </message>
    <message>
      <source>Add a region</source>
      <translation>Add a region</translation>
    </message>
    <message>
      <source>Add &amp;Country…</source>
      <translation>Add &amp;Country…</translation>
    </message>
    <message>
      <source>Add a country to the selected region</source>
      <translation>Add a country to the selected region</translation>
    </message>
    <message>
      <source>Add &amp;Partner…</source>
      <translation>Add &amp;Partner…</translation>
    </message>
    <message>
      <source>Add a partner city or province to the selected country</source>
      <translation>Add a partner city or province to the selected country</translation>
    </message>
    <message>
      <source>Add A&amp;greement…</source>
      <translation>Add A&amp;greement…</translation>
    </message>
    <message>
      <source>Add an agreement to the selected partner</source>
      <translation>Add an agreement to the selected partner</translation>
    </message>
    <message>
      <source>Add &amp;Event</source>
      <translation>Add &amp;Event</translation>
    </message>
    <message>
      <source>Write a new event of the selected partner</source>
      <translation>Write a new event of the selected partner</translation>
    </message>
    <message>
      <source>&amp;Move To…</source>
      <translation>&amp;Move To…</translation>
    </message>
    <message>
      <source>Move the selected partner to another country, or a country to another region</source>
      <translation>Move the selected partner to another country, or a country to another region</translation>
    </message>
    <message>
      <source>Move &amp;Up</source>
      <translation>Move &amp;Up</translation>
    </message>
    <message>
      <source>Move the selected item up</source>
      <translation>Move the selected item up</translation>
    </message>
    <message>
      <source>Move Do&amp;wn</source>
      <translation>Move Do&amp;wn</translation>
    </message>
    <message>
      <source>Move the selected item down</source>
      <translation>Move the selected item down</translation>
    </message>
    <message>
      <source>&amp;Sort Events by Date</source>
      <translation>&amp;Sort Events by Date</translation>
    </message>
    <message>
      <source>Order the partner's events of the year by date; undated ones last</source>
      <translation>Order the partner's events of the year by date; undated ones last</translation>
    </message>
    <message>
      <source>&amp;History of Changes…</source>
      <translation>&amp;History of Changes…</translation>
    </message>
    <message>
      <source>Who changed the selected record and when; restore a deleted one</source>
      <translation>Who changed the selected record and when; restore a deleted one</translation>
    </message>
    <message>
      <source>Connect to &amp;Server…</source>
      <translation>Connect to &amp;Server…</translation>
    </message>
    <message>
      <source>Work on the shared table on a PostgreSQL server, several people at once</source>
      <translation>Work on the shared table on a PostgreSQL server, several people at once</translation>
    </message>
    <message>
      <source>&amp;Backups…</source>
      <translation>&amp;Backups…</translation>
    </message>
    <message>
      <source>The copies of the database kept beside it: make one, or go back to one</source>
      <translation>The copies of the database kept beside it: make one, or go back to one</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <source>Read everything again from the database</source>
      <translation>Read everything again from the database</translation>
    </message>
    <message>
      <source>&amp;Start a New Year…</source>
      <translation>&amp;Start a New Year…</translation>
    </message>
    <message>
      <source>Start next year's table: partners and agreements stay, events start empty</source>
      <translation>Start next year's table: partners and agreements stay, events start empty</translation>
    </message>
    <message>
      <source>&amp;Previous Year</source>
      <translation>&amp;Previous Year</translation>
    </message>
    <message>
      <source>Show the previous year</source>
      <translation>Show the previous year</translation>
    </message>
    <message>
      <source>Ne&amp;xt Year</source>
      <translation>Ne&amp;xt Year</translation>
    </message>
    <message>
      <source>Show the next year</source>
      <translation>Show the next year</translation>
    </message>
    <message>
      <source>&amp;About spbgui</source>
      <translation>&amp;About spbgui</translation>
    </message>
    <message>
      <source>The program's version and where its files are</source>
      <translation>The program's version and where its files are</translation>
    </message>
  </context>
  <context>
    <name>AgreementDialog</name>
    <message>
      <source>New agreement of %1</source>
      <translation>New agreement of %1</translation>
    </message>
    <message>
      <source>e.g. 09.12.2005, июнь 2017 г., 2009, 2024</source>
      <translation>e.g. 09.12.2005, июнь 2017 г., 2009, 2024</translation>
    </message>
    <message>
      <source>&amp;Basis of cooperation:</source>
      <translation>&amp;Basis of cooperation:</translation>
    </message>
    <message>
      <source>&amp;Dates:</source>
      <translation>&amp;Dates:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>N&amp;ote:</translation>
    </message>
  </context>
  <context>
    <name>AgreementsModel</name>
    <message>
      <source>Basis of cooperation</source>
      <translation>Basis of cooperation</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Write dates as staff do: 09.12.2005, июнь 2017 г., 2009, 2024</source>
      <translation>Write dates as staff do: 09.12.2005, июнь 2017 г., 2009, 2024</translation>
    </message>
  </context>
  <context>
    <name>AgreementsSection</name>
    <message>
      <source>Agreements</source>
      <translation>Agreements</translation>
    </message>
    <message>
      <source>&lt;b&gt;Agreements&lt;/b&gt;</source>
      <translation>&lt;b&gt;Agreements&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Add an agreement</source>
      <translation>Add an agreement</translation>
    </message>
    <message>
      <source>Delete the selected agreements</source>
      <translation>Delete the selected agreements</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Move down</translation>
    </message>
    <message numerus="yes">
      <source>Delete %n agreement(s) of %1?</source>
      <translation>
        <numerusform>Delete %n agreement of %1?</numerusform>
        <numerusform>Delete %n agreements of %1?</numerusform>
      </translation>
    </message>
    <message>
      <source>Events linked to them stay, without the link. You can undo this (Ctrl+Z).</source>
      <translation>Events linked to them stay, without the link. You can undo this (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) of this year are linked to them; they stay, without the link. You can undo this (Ctrl+Z).</source>
      <translation>
        <numerusform>%n event of this year is linked to them; it stays, without the link. You can undo this (Ctrl+Z).</numerusform>
        <numerusform>%n events of this year are linked to them; they stay, without the link. You can undo this (Ctrl+Z).</numerusform>
      </translation>
    </message>
    <message>
      <source>Delete agreements</source>
      <translation>Delete agreements</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <source>daily, on opening</source>
      <translation>daily, on opening</translation>
    </message>
    <message>
      <source>before an import</source>
      <translation>before an import</translation>
    </message>
    <message>
      <source>before a program update</source>
      <translation>before a program update</translation>
    </message>
    <message>
      <source>before a restore</source>
      <translation>before a restore</translation>
    </message>
    <message>
      <source>made by hand</source>
      <translation>made by hand</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>Copies of the database are kept in {0}: one a day when the program opens it, one before each import and each restore, and those you make here.</source>
      <translation>Copies of the database are kept in {0}: one a day when the program opens it, one before each import and each restore, and those you make here.</translation>
    </message>
    <message>
      <source>Made</source>
      <translation>Made</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Why</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Make a Copy Now</source>
      <translation>Make a Copy Now</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>Restore…</translation>
    </message>
    <message>
      <source>cannot be read</source>
      <translation>cannot be read</translation>
    </message>
    <message>
      <source>No copy was made</source>
      <translation>No copy was made</translation>
    </message>
    <message>
      <source>Restore the copy?</source>
      <translation>Restore the copy?</translation>
    </message>
    <message>
      <source>The database will be as it was on {0}.</source>
      <translation>The database will be as it was on {0}.</translation>
    </message>
    <message>
      <source>Everything changed since then is replaced. The present state is kept as a copy first, so this can be undone by restoring that copy.</source>
      <translation>Everything changed since then is replaced. The present state is kept as a copy first, so this can be undone by restoring that copy.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>The copy was not restored</source>
      <translation>The copy was not restored</translation>
    </message>
  </context>
  <context>
    <name>ConfirmDialog</name>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Basis of cooperation</source>
      <translation>Basis of cooperation</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Event</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>End</source>
      <translation>End</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation>Changed by someone else</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Saved by them</source>
      <translation>Saved by them</translation>
    </message>
    <message>
      <source>Yours</source>
      <translation>Yours</translation>
    </message>
    <message>
      <source>Keep Mine</source>
      <translation>Keep Mine</translation>
    </message>
    <message>
      <source>Keep Theirs</source>
      <translation>Keep Theirs</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to Server</source>
      <translation>Connect to Server</translation>
    </message>
    <message>
      <source>&amp;Server:</source>
      <translation>&amp;Server:</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <source>&amp;Database:</source>
      <translation>&amp;Database:</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;User:</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Pass&amp;word:</translation>
    </message>
    <message>
      <source>The address is remembered; the password is not stored anywhere.</source>
      <translation>The address is remembered; the password is not stored anywhere.</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Connect</translation>
    </message>
  </context>
  <context>
    <name>DatabaseFiles</name>
    <message>
      <source>Backups</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>Backups are made for a database in a file only.</source>
      <translation>Backups are made for a database in a file only.</translation>
    </message>
    <message>
      <source>Cannot create the database</source>
      <translation>Cannot create the database</translation>
    </message>
    <message>
      <source>The file “%1” already exists. Open it, or choose another name.</source>
      <translation>The file “%1” already exists. Open it, or choose another name.</translation>
    </message>
    <message>
      <source>No recent databases</source>
      <translation>No recent databases</translation>
    </message>
    <message>
      <source>Clear the List</source>
      <translation>Clear the List</translation>
    </message>
    <message>
      <source>Nothing to print</source>
      <translation>Nothing to print</translation>
    </message>
    <message>
      <source>Cannot open the sample</source>
      <translation>Cannot open the sample</translation>
    </message>
  </context>
  <context>
    <name>DetailsPane</name>
    <message>
      <source>Details of the selected item</source>
      <translation>Details of the selected item</translation>
    </message>
    <message>
      <source>Choose a partner in the tree on the left, or find it: Ctrl+F and a few letters of the city, the country or an event.</source>
      <translation>Choose a partner in the tree on the left, or find it: Ctrl+F and a few letters of the city, the country or an event.</translation>
    </message>
  </context>
  <context>
    <name>Editor</name>
    <message>
      <source>The change was not saved: the database stayed locked.</source>
      <translation>The change was not saved: the database stayed locked.</translation>
    </message>
    <message>
      <source>The change could not be undone or redone: %1 The history of changes was cleared.</source>
      <translation>The change could not be undone or redone: %1 The history of changes was cleared.</translation>
    </message>
    <message>
      <source>add region “%1”</source>
      <translation>add region “%1”</translation>
    </message>
    <message>
      <source>add country “%1”</source>
      <translation>add country “%1”</translation>
    </message>
    <message>
      <source>country as a whole</source>
      <translation>country as a whole</translation>
    </message>
    <message>
      <source>add partner “%1”</source>
      <translation>add partner “%1”</translation>
    </message>
    <message>
      <source>rename to “%1”</source>
      <translation>rename to “%1”</translation>
    </message>
    <message>
      <source>delete “%1”</source>
      <translation>delete “%1”</translation>
    </message>
    <message>
      <source>move “%1”</source>
      <translation>move “%1”</translation>
    </message>
    <message>
      <source>add agreement</source>
      <translation>add agreement</translation>
    </message>
    <message>
      <source>edit agreement title</source>
      <translation>edit agreement title</translation>
    </message>
    <message>
      <source>edit agreement dates</source>
      <translation>edit agreement dates</translation>
    </message>
    <message>
      <source>edit agreement note</source>
      <translation>edit agreement note</translation>
    </message>
    <message numerus="yes">
      <source>delete %n agreement(s)</source>
      <translation>
        <numerusform>delete %n agreement</numerusform>
        <numerusform>delete %n agreements</numerusform>
      </translation>
    </message>
    <message>
      <source>move agreement</source>
      <translation>move agreement</translation>
    </message>
    <message>
      <source>add event</source>
      <translation>add event</translation>
    </message>
    <message>
      <source>edit event date</source>
      <translation>edit event date</translation>
    </message>
    <message>
      <source>edit event text</source>
      <translation>edit event text</translation>
    </message>
    <message>
      <source>link event to agreement</source>
      <translation>link event to agreement</translation>
    </message>
    <message numerus="yes">
      <source>delete %n event(s)</source>
      <translation>
        <numerusform>delete %n event</numerusform>
        <numerusform>delete %n events</numerusform>
      </translation>
    </message>
    <message>
      <source>move event</source>
      <translation>move event</translation>
    </message>
    <message numerus="yes">
      <source>move %n event(s) to “%1”</source>
      <translation>
        <numerusform>move %n event to “%1”</numerusform>
        <numerusform>move %n events to “%1”</numerusform>
      </translation>
    </message>
    <message>
      <source>sort events by date</source>
      <translation>sort events by date</translation>
    </message>
    <message>
      <source>start the year %1</source>
      <translation>start the year %1</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <source>Unexpected error</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <source>Something went wrong that the program did not expect. Your changes made so far are saved in the database.</source>
      <translation>Something went wrong that the program did not expect. Your changes made so far are saved in the database.</translation>
    </message>
    <message>
      <source>The details are written to the log: %1
Please send this file to the program's maintainers. You can go on working.</source>
      <translation>The details are written to the log: %1
Please send this file to the program's maintainers. You can go on working.</translation>
    </message>
    <message>
      <source>Open the Log Folder</source>
      <translation>Open the Log Folder</translation>
    </message>
    <message>
      <source>Copy the Details</source>
      <translation>Copy the Details</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>Cannot do that</translation>
    </message>
  </context>
  <context>
    <name>EventHitsModel</name>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Event</translation>
    </message>
  </context>
  <context>
    <name>EventsModel</name>
    <message>
      <source>(none)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Event</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>Write the date as staff do: 3-6 июля, 29 января – 16 февраля, Июнь</source>
      <translation>Write the date as staff do: 3-6 июля, 29 января – 16 февраля, Июнь</translation>
    </message>
  </context>
  <context>
    <name>EventsSection</name>
    <message>
      <source>Add an event</source>
      <translation>Add an event</translation>
    </message>
    <message>
      <source>Delete the selected events</source>
      <translation>Delete the selected events</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>Sort by date</source>
      <translation>Sort by date</translation>
    </message>
    <message>
      <source>date: 3-6 июля</source>
      <translation>date: 3-6 июля</translation>
    </message>
    <message>
      <source>Date of the new event</source>
      <translation>Date of the new event</translation>
    </message>
    <message>
      <source>what happened — Enter adds the event</source>
      <translation>what happened — Enter adds the event</translation>
    </message>
    <message>
      <source>Text of the new event</source>
      <translation>Text of the new event</translation>
    </message>
    <message>
      <source>Agreement of the new event</source>
      <translation>Agreement of the new event</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Events of the year</source>
      <translation>Events of the year</translation>
    </message>
    <message>
      <source>Full text of the selected event</source>
      <translation>Full text of the selected event</translation>
    </message>
    <message>
      <source>The full text of the selected event; it is saved when you leave the field.</source>
      <translation>The full text of the selected event; it is saved when you leave the field.</translation>
    </message>
    <message>
      <source>&lt;b&gt;Events of %1&lt;/b&gt;</source>
      <translation>&lt;b&gt;Events of %1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
      <source>%1: %n event(s), for reference (read-only)</source>
      <translation>
        <numerusform>%1: %n event, for reference (read-only)</numerusform>
        <numerusform>%1: %n events, for reference (read-only)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export to Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <source>Events of the year:</source>
      <translation>Events of the year:</translation>
    </message>
    <message>
      <source>Regions and countries</source>
      <translation>Regions and countries</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>Select all</translation>
    </message>
    <message>
      <source>Select none</source>
      <translation>Select none</translation>
    </message>
    <message>
      <source>The workbook (.xlsx) to write</source>
      <translation>The workbook (.xlsx) to write</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Replace the file?</source>
      <translation>Replace the file?</translation>
    </message>
    <message>
      <source>The file {0} already exists. Replace it with the new export?</source>
      <translation>The file {0} already exists. Replace it with the new export?</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>Export finished</translation>
    </message>
    <message>
      <source>The table of {0} was written to {1}. Open it now?</source>
      <translation>The table of {0} was written to {1}. Open it now?</translation>
    </message>
    <message>
      <source>Notes: {0}. Some records would read back otherwise; see details.</source>
      <translation>Notes: {0}. Some records would read back otherwise; see details.</translation>
    </message>
    <message>
      <source>Writing the workbook…</source>
      <translation>Writing the workbook…</translation>
    </message>
    <message>
      <source>Cancelled. No file was written.</source>
      <translation>Cancelled. No file was written.</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <source>Open a database</source>
      <translation>Open a database</translation>
    </message>
    <message>
      <source>spbgui databases (*.sqlite *.db)</source>
      <translation>spbgui databases (*.sqlite *.db)</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>All files (*)</translation>
    </message>
    <message>
      <source>Create a new database</source>
      <translation>Create a new database</translation>
    </message>
  </context>
  <context>
    <name>FirstStartDialog</name>
    <message>
      <source>Welcome</source>
      <translation>Welcome</translation>
    </message>
    <message>
      <source>The database is empty.</source>
      <translation>The database is empty.</translation>
    </message>
    <message>
      <source>Import last year's table from an Excel workbook, or open the 2024 table that comes with the program to look around first.</source>
      <translation>Import last year's table from an Excel workbook, or open the 2024 table that comes with the program to look around first.</translation>
    </message>
    <message>
      <source>Import a Table…</source>
      <translation>Import a Table…</translation>
    </message>
    <message>
      <source>Open the 2024 Sample</source>
      <translation>Open the 2024 Sample</translation>
    </message>
    <message>
      <source>Start Empty</source>
      <translation>Start Empty</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>added</source>
      <translation>added</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>deleted</translation>
    </message>
    <message>
      <source>import</source>
      <translation>import</translation>
    </message>
    <message>
      <source>region</source>
      <translation>region</translation>
    </message>
    <message>
      <source>country</source>
      <translation>country</translation>
    </message>
    <message>
      <source>partner</source>
      <translation>partner</translation>
    </message>
    <message>
      <source>agreement</source>
      <translation>agreement</translation>
    </message>
    <message>
      <source>event</source>
      <translation>event</translation>
    </message>
    <message>
      <source>History of Changes</source>
      <translation>History of Changes</translation>
    </message>
    <message>
      <source>All records</source>
      <translation>All records</translation>
    </message>
    <message>
      <source>When</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Save as CSV…</source>
      <translation>Save as CSV…</translation>
    </message>
    <message>
      <source>Restore the Deleted Record</source>
      <translation>Restore the Deleted Record</translation>
    </message>
    <message>
      <source>Save the history</source>
      <translation>Save the history</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <source>The history was not saved</source>
      <translation>The history was not saved</translation>
    </message>
    <message>
      <source>Restore the deleted record?</source>
      <translation>Restore the deleted record?</translation>
    </message>
    <message>
      <source>«{0}» comes back where it was, with what was deleted with it.</source>
      <translation>«{0}» comes back where it was, with what was deleted with it.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>The record was not restored</source>
      <translation>The record was not restored</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import a table from Excel</source>
      <translation>Import a table from Excel</translation>
    </message>
    <message>
      <source>Choose the workbook (.xlsx) to import</source>
      <translation>Choose the workbook (.xlsx) to import</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>Region / country / partner</source>
      <translation>Region / country / partner</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>Agreements</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Notes on the file</source>
      <translation>Notes on the file</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx);;All files (*)</source>
      <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Reading the file…</translation>
    </message>
    <message>
      <source>Events of {year}. The file holds {regions} regions, {countries} countries, {partners} partners, {agreements} agreements and {events} events ({dated} of them dated).</source>
      <translation>Events of {year}. The file holds {regions} regions, {countries} countries, {partners} partners, {agreements} agreements and {events} events ({dated} of them dated).</translation>
    </message>
    <message>
      <source>(the country as a whole)</source>
      <translation>(the country as a whole)</translation>
    </message>
    <message numerus="yes">
      <source>Notes on the file: %n</source>
      <translation>
        <numerusform>Notes on the file: %n</numerusform>
        <numerusform>Notes on the file: %n</numerusform>
      </translation>
    </message>
    <message>
      <source>Replace the events of {0}?</source>
      <translation>Replace the events of {0}?</translation>
    </message>
    <message>
      <source>The database already has {0} events of {1}. Replace them with the events from the file? Partners and agreements are kept; a backup copy is made first.</source>
      <translation>The database already has {0} events of {1}. Replace them with the events from the file? Partners and agreements are kept; a backup copy is made first.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Cancelled. The database was not changed.</source>
      <translation>Cancelled. The database was not changed.</translation>
    </message>
  </context>
  <context>
    <name>Kinds</name>
    <message>
      <source>city</source>
      <translation>city</translation>
    </message>
    <message>
      <source>province</source>
      <translation>province</translation>
    </message>
    <message>
      <source>region (oblast)</source>
      <translation>region (oblast)</translation>
    </message>
    <message>
      <source>district</source>
      <translation>district</translation>
    </message>
    <message>
      <source>country as a whole</source>
      <translation>country as a whole</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Year of the table</source>
      <translation>Year of the table</translation>
    </message>
    <message>
      <source>The year whose events are shown and written</source>
      <translation>The year whose events are shown and written</translation>
    </message>
    <message>
      <source>Export the table to an Excel workbook</source>
      <translation>Export the table to an Excel workbook</translation>
    </message>
    <message>
      <source>Preview and print the yearly report</source>
      <translation>Preview and print the yearly report</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>Cannot do that</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>&amp;Undo “%1”</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>&amp;Redo “%1”</translation>
    </message>
    <message>
      <source>%1 — St Petersburg's partner cities</source>
      <translation>%1 — St Petersburg's partner cities</translation>
    </message>
    <message>
      <source>Partners: %1 · agreements: %2 · events of %3: %4</source>
      <translation>Partners: %1 · agreements: %2 · events of %3: %4</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Open &amp;Recent</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;Records</source>
      <translation>&amp;Records</translation>
    </message>
    <message>
      <source>&amp;Year</source>
      <translation>&amp;Year</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>Main toolbar</translation>
    </message>
    <message>
      <source> &amp;Year: </source>
      <translation> &amp;Year: </translation>
    </message>
  </context>
  <context>
    <name>NavigationModel</name>
    <message numerus="yes">
      <source>%n event(s) in %1</source>
      <translation>
        <numerusform>%n event in %1</numerusform>
        <numerusform>%n events in %1</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (country as a whole)</translation>
    </message>
    <message>
      <source>Region / country / partner</source>
      <translation>Region / country / partner</translation>
    </message>
    <message>
      <source>Events in %1</source>
      <translation>Events in %1</translation>
    </message>
  </context>
  <context>
    <name>NavigationTree</name>
    <message>
      <source>Regions, countries and partners</source>
      <translation>Regions, countries and partners</translation>
    </message>
  </context>
  <context>
    <name>PartnerDialog</name>
    <message>
      <source>New partner in %1</source>
      <translation>New partner in %1</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Kind:</translation>
    </message>
  </context>
  <context>
    <name>PartnerPage</name>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Kind:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>N&amp;ote:</translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (country as a whole)</translation>
    </message>
    <message>
      <source>the country itself</source>
      <translation>the country itself</translation>
    </message>
    <message>
      <source>edit partner “%1”</source>
      <translation>edit partner “%1”</translation>
    </message>
  </context>
  <context>
    <name>QThread</name>
    <message>
      <source>Unexpected error: {0}. Details are in {1}</source>
      <translation>Unexpected error: {0}. Details are in {1}</translation>
    </message>
  </context>
  <context>
    <name>RecordActions</name>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (country as a whole)</translation>
    </message>
    <message>
      <source>New region</source>
      <translation>New region</translation>
    </message>
    <message>
      <source>Name of the region:</source>
      <translation>Name of the region:</translation>
    </message>
    <message>
      <source>New country</source>
      <translation>New country</translation>
    </message>
    <message>
      <source>Name of the country:</source>
      <translation>Name of the country:</translation>
    </message>
    <message>
      <source>Delete the region “%1”?</source>
      <translation>Delete the region “%1”?</translation>
    </message>
    <message>
      <source>Delete the country “%1”?</source>
      <translation>Delete the country “%1”?</translation>
    </message>
    <message>
      <source>Delete the partner “%1”?</source>
      <translation>Delete the partner “%1”?</translation>
    </message>
    <message numerus="yes">
      <source>%n country(ies)</source>
      <translation>
        <numerusform>%n country</numerusform>
        <numerusform>%n countries</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n partner</numerusform>
        <numerusform>%n partners</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agreement(s)</source>
      <translation>
        <numerusform>%n agreement</numerusform>
        <numerusform>%n agreements</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) of all years</source>
      <translation>
        <numerusform>%n event of all years</numerusform>
        <numerusform>%n events of all years</numerusform>
      </translation>
    </message>
    <message>
      <source>Nothing else is deleted with it.</source>
      <translation>Nothing else is deleted with it.</translation>
    </message>
    <message>
      <source>With it go: %1.</source>
      <translation>With it go: %1.</translation>
    </message>
    <message>
      <source>You can undo this with Ctrl+Z.</source>
      <translation>You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Move “%1” to the region</source>
      <translation>Move “%1” to the region</translation>
    </message>
    <message>
      <source>Move “%1” to the country</source>
      <translation>Move “%1” to the country</translation>
    </message>
    <message>
      <source>Start the table of %1?</source>
      <translation>Start the table of %1?</translation>
    </message>
    <message>
      <source>Partners and agreements stay as they are; %1 starts with no events. The events of %2 stay in the database and are shown beside each partner for reference.</source>
      <translation>Partners and agreements stay as they are; %1 starts with no events. The events of %2 stay in the database and are shown beside each partner for reference.</translation>
    </message>
    <message>
      <source>New year</source>
      <translation>New year</translation>
    </message>
    <message>
      <source>Start %1</source>
      <translation>Start %1</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>The database is damaged</source>
      <translation>The database is damaged</translation>
    </message>
    <message>
      <source>No sound backup copy was found beside it.</source>
      <translation>No sound backup copy was found beside it.</translation>
    </message>
    <message>
      <source>Restore the newest sound copy ({0})? The damaged file is kept beside it.</source>
      <translation>Restore the newest sound copy ({0})? The damaged file is kept beside it.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Cannot open the database</translation>
    </message>
  </context>
  <context>
    <name>ReportOptionsDialog</name>
    <message>
      <source>Report options</source>
      <translation>Report options</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>Select all</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>Summary at the end: counts and a chart of the year's events</source>
      <translation>Summary at the end: counts and a chart of the year's events</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Landscape</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <source>Year of the events:</source>
      <translation>Year of the events:</translation>
    </message>
    <message>
      <source>Pages:</source>
      <translation>Pages:</translation>
    </message>
    <message>
      <source>Regions and countries to include:</source>
      <translation>Regions and countries to include:</translation>
    </message>
    <message>
      <source>Tick at least one country.</source>
      <translation>Tick at least one country.</translation>
    </message>
  </context>
  <context>
    <name>ReportPreviewDialog</name>
    <message>
      <source>Yearly report %1 — print preview</source>
      <translation>Yearly report %1 — print preview</translation>
    </message>
    <message>
      <source>Options…</source>
      <translation>Options…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>Save as Word…</source>
      <translation>Save as Word…</translation>
    </message>
    <message>
      <source>Year, regions and countries, summary</source>
      <translation>Year, regions and countries, summary</translation>
    </message>
    <message>
      <source>A Word document whose wording can be edited</source>
      <translation>A Word document whose wording can be edited</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Word documents (*.docx)</translation>
    </message>
    <message>
      <source>Save the report as PDF</source>
      <translation>Save the report as PDF</translation>
    </message>
    <message>
      <source>Save the report as a Word document</source>
      <translation>Save the report as a Word document</translation>
    </message>
    <message>
      <source>The report was not saved</source>
      <translation>The report was not saved</translation>
    </message>
  </context>
  <context>
    <name>RetryDialog</name>
    <message>
      <source>The database is busy</source>
      <translation>The database is busy</translation>
    </message>
    <message>
      <source>Your change is kept. Try to save it again?</source>
      <translation>Your change is kept. Try to save it again?</translation>
    </message>
    <message>
      <source>Try Again</source>
      <translation>Try Again</translation>
    </message>
    <message>
      <source>Discard the Change</source>
      <translation>Discard the Change</translation>
    </message>
  </context>
  <context>
    <name>SearchField</name>
    <message>
      <source>Find (Ctrl+F): city, country, agreement, event…</source>
      <translation>Find (Ctrl+F): city, country, agreement, event…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Search</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <source>all years</source>
      <translation>all years</translation>
    </message>
    <message>
      <source>Find events of every year, not only of the selected one</source>
      <translation>Find events of every year, not only of the selected one</translation>
    </message>
    <message>
      <source>Matching events</source>
      <translation>Matching events</translation>
    </message>
    <message>
      <source>Type at least two letters.</source>
      <translation>Type at least two letters.</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>Nothing found.</translation>
    </message>
    <message>
      <source>in every year</source>
      <translation>in every year</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) found</source>
      <translation>
        <numerusform>%n event found</numerusform>
        <numerusform>%n events found</numerusform>
      </translation>
    </message>
    <message>
      <source>, the first %1 shown</source>
      <translation>, the first %1 shown</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>N&amp;ote:</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Country in %1</source>
      <translation>Country in %1</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>Countries</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>Agreements</translation>
    </message>
    <message>
      <source>Events in %1</source>
      <translation>Events in %1</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Country</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (country as a whole)</translation>
    </message>
    <message>
      <source>edit “%1”</source>
      <translation>edit “%1”</translation>
    </message>
  </context>
</TS>
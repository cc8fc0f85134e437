<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About spbgui</source>
      <translation>О программе</translation>
    </message>
    <message>
      <source>&lt;h3&gt;St Petersburg's partner cities&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;The table of the committee for external relations: partners, agreements and the events of each year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Log: %3&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Города-партнёры Санкт-Петербурга&lt;/h3&gt;&lt;p&gt;Версия %1&lt;/p&gt;&lt;p&gt;Таблица Комитета по внешним связям: партнёры, соглашения и мероприятия каждого года.&lt;/p&gt;&lt;p&gt;База данных: %2&lt;br&gt;Журнал: %3&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;New Database…</source>
      <translation>&amp;Новая база данных…</translation>
    </message>
    <message>
      <source>Create a new, empty database file</source>
      <translation>Создать новый пустой файл базы данных</translation>
    </message>
    <message>
      <source>&amp;Open Database…</source>
      <translation>&amp;Открыть базу данных…</translation>
    </message>
    <message>
      <source>Open another database file</source>
      <translation>Открыть другой файл базы данных</translation>
    </message>
    <message>
      <source>&amp;Import Table…</source>
      <translation>&amp;Импорт таблицы…</translation>
    </message>
    <message>
      <source>Import the committee's table from Excel, LibreOffice, Word or a text file</source>
      <translation>Загрузить таблицу комитета из файла Excel, LibreOffice, Word или текстового файла</translation>
    </message>
    <message>
      <source>&amp;Export Table…</source>
      <translation>&amp;Экспорт таблицы…</translation>
    </message>
    <message>
      <source>&amp;Print Report…</source>
      <translation>&amp;Печать отчёта…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>Close the program; every change is already saved</source>
      <translation>Закрыть программу; все изменения уже сохранены</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>Undo the last change</source>
      <translation>Отменить последнее изменение</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>Redo the change just undone</source>
      <translation>Повторить только что отменённое изменение</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Копировать</translation>
    </message>
    <message>
      <source>Copy the selected events as cells that Excel, LibreOffice and Word paste</source>
      <translation>Скопировать выбранные мероприятия как ячейки, которые вставляются в Excel, LibreOffice и Word</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Вставить</translation>
    </message>
    <message>
      <source>Paste events copied from Excel, LibreOffice or Word to the selected partner, or rows of the committee's table to import them</source>
      <translation>Вставить мероприятия, скопированные в Excel, LibreOffice или Word, выбранному партнёру, или строки таблицы комитета — чтобы загрузить их</translation>
    </message>
    <message>
      <source>Re&amp;name</source>
      <translation>Переи&amp;меновать</translation>
    </message>
    <message>
      <source>Rename the selected item</source>
      <translation>Переименовать выбранную запись</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Удалить</translation>
    </message>
    <message>
      <source>Delete the selected item (it can be undone)</source>
      <translation>Удалить выбранную запись (удаление можно отменить)</translation>
    </message>
    <message>
      <source>Export the table of the year to an Excel workbook</source>
      <translation>Выгрузить таблицу года в книгу Excel</translation>
    </message>
    <message>
      <source>The yearly report: preview, print, save as PDF or as a Word document</source>
      <translation>Отчёт за год: просмотр, печать, сохранение в PDF или в документ Word</translation>
    </message>
    <message>
      <source>F&amp;ind…</source>
      <translation>На&amp;йти…</translation>
    </message>
    <message>
      <source>Search partners, agreements and events</source>
      <translation>Поиск партнёров, соглашений и мероприятий</translation>
    </message>
    <message>
      <source>Dates &amp;Not Understood</source>
      <translation>Даты &amp;не распознаны</translation>
    </message>
    <message>
      <source>List the events whose dates were kept as written, to correct them</source>
      <translation>Показать мероприятия, даты которых сохранены как написаны, чтобы исправить их</translation>
    </message>
    <message>
      <source>Add &amp;Region…</source>
      <translation>Добавить &amp;регион…</translation>
    </message>
    <message>
      <source>Add a region</source>
      <translation>Добавить регион</translation>
    </message>
    <message>
      <source>Add &amp;Country…</source>
      <translation>Добавить &amp;страну…</translation>
    </message>
    <message>
      <source>Add a country to the selected region</source>
      <translation>Добавить страну в выбранный регион</translation>
    </message>
    <message>
      <source>Add &amp;Partner…</source>
      <translation>Добавить &amp;партнёра…</translation>
    </message>
    <message>
      <source>Add a partner city or province to the selected country</source>
      <translation>Добавить город или провинцию-партнёра в выбранную страну</translation>
    </message>
    <message>
      <source>Add A&amp;greement…</source>
      <translation>Добавить с&amp;оглашение…</translation>
    </message>
    <message>
      <source>Add an agreement to the selected partner</source>
      <translation>Добавить соглашение выбранного партнёра</translation>
    </message>
    <message>
      <source>Add &amp;Event</source>
      <translation>Добавить &amp;мероприятие</translation>
    </message>
    <message>
      <source>Write a new event of the selected partner</source>
      <translation>Записать новое мероприятие выбранного партнёра</translation>
    </message>
    <message>
      <source>&amp;Move To…</source>
      <translation>П&amp;еренести в…</translation>
    </message>
    <message>
      <source>Move the selected partner to another country, or a country to another region</source>
      <translation>Перенести выбранного партнёра в другую страну или страну в другой регион</translation>
    </message>
    <message>
      <source>Move &amp;Up</source>
      <translation>Переместить &amp;выше</translation>
    </message>
    <message>
      <source>Move the selected item up</source>
      <translation>Переместить выбранную запись выше</translation>
    </message>
    <message>
      <source>Move Do&amp;wn</source>
      <translation>Переместить &amp;ниже</translation>
    </message>
    <message>
      <source>Move the selected item down</source>
      <translation>Переместить выбранную запись ниже</translation>
    </message>
    <message>
      <source>&amp;Sort Events by Date</source>
      <translation>&amp;Упорядочить мероприятия по дате</translation>
    </message>
    <message>
      <source>Order the partner's events of the year by date; undated ones last</source>
      <translation>Расставить мероприятия партнёра за год по датам; мероприятия без даты — в конце</translation>
    </message>
    <message>
      <source>&amp;History of Changes…</source>
      <translation>&amp;История изменений…</translation>
    </message>
    <message>
      <source>Who changed the selected record and when; restore a deleted one</source>
      <translation>Кто и когда менял выбранную запись; восстановление удалённой</translation>
    </message>
    <message>
      <source>Connect to &amp;Server…</source>
      <translation>Подключиться к &amp;серверу…</translation>
    </message>
    <message>
      <source>Work on the shared table on a PostgreSQL server, several people at once</source>
      <translation>Работать с общей таблицей на сервере PostgreSQL, вместе с коллегами</translation>
    </message>
    <message>
      <source>&amp;Backups…</source>
      <translation>&amp;Резервные копии…</translation>
    </message>
    <message>
      <source>The copies of the database kept beside it: make one, or go back to one</source>
      <translation>Копии базы данных, которые хранятся рядом с ней: сделать копию или вернуться к одной из них</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>О&amp;бновить</translation>
    </message>
    <message>
      <source>Read everything again from the database</source>
      <translation>Заново прочитать всё из базы данных</translation>
    </message>
    <message>
      <source>&amp;Start a New Year…</source>
      <translation>&amp;Начать новый год…</translation>
    </message>
    <message>
      <source>Start next year's table: partners and agreements stay, events start empty</source>
      <translation>Начать таблицу следующего года: партнёры и соглашения остаются, мероприятий пока нет</translation>
    </message>
    <message>
      <source>&amp;Previous Year</source>
      <translation>&amp;Предыдущий год</translation>
    </message>
    <message>
      <source>Show the previous year</source>
      <translation>Показать предыдущий год</translation>
    </message>
    <message>
      <source>Ne&amp;xt Year</source>
      <translation>&amp;Следующий год</translation>
    </message>
    <message>
      <source>Show the next year</source>
      <translation>Показать следующий год</translation>
    </message>
    <message>
      <source>&amp;User Guide</source>
      <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
      <source>How to do the year's work, the dates the program understands, what to do when something goes wrong</source>
      <translation>Как вести таблицу года, какие даты понимает программа, что делать, если что-то пошло не так</translation>
    </message>
    <message>
      <source>&amp;Statistics…</source>
      <translation>&amp;Статистика…</translation>
    </message>
    <message>
      <source>Events per year across years, this year against last, anniversaries, dormant partners, agreements that run out</source>
      <translation>Мероприятия по годам, этот год в сравнении с прошлым, юбилеи, партнёры без мероприятий, истекающие соглашения</translation>
    </message>
    <message>
      <source>&amp;About spbgui</source>
      <translation>&amp;О программе</translation>
    </message>
    <message>
      <source>The program's version and where its files are</source>
      <translation>Версия программы и расположение её файлов</translation>
    </message>
  </context>
  <context>
    <name>AgreementDialog</name>
    <message>
      <source>New agreement of %1</source>
      <translation>Новое соглашение: %1</translation>
    </message>
    <message>
      <source>e.g. 09.12.2005, июнь 2017 г., 2009, 2024</source>
      <translation>например: 09.12.2005, июнь 2017 г., 2009, 2024</translation>
    </message>
    <message>
      <source>&amp;Basis of cooperation:</source>
      <translation>&amp;Основание для сотрудничества:</translation>
    </message>
    <message>
      <source>&amp;Dates:</source>
      <translation>&amp;Даты:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>&amp;Примечание:</translation>
    </message>
  </context>
  <context>
    <name>AgreementsModel</name>
    <message>
      <source>Basis of cooperation</source>
      <translation>Основание для сотрудничества</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <source>Write dates as staff do: 09.12.2005, июнь 2017 г., 2009, 2024</source>
      <translation>Даты пишутся как обычно: 09.12.2005, июнь 2017 г., 2009, 2024</translation>
    </message>
  </context>
  <context>
    <name>AgreementsSection</name>
    <message>
      <source>Agreements</source>
      <translation>Соглашения</translation>
    </message>
    <message>
      <source>&lt;b&gt;Agreements&lt;/b&gt;</source>
      <translation>&lt;b&gt;Соглашения&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Add an agreement</source>
      <translation>Добавить соглашение</translation>
    </message>
    <message>
      <source>Delete the selected agreements</source>
      <translation>Удалить выбранные соглашения</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Выше</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Ниже</translation>
    </message>
    <message numerus="yes">
      <source>Delete %n agreement(s) of %1?</source>
      <translation>
        <numerusform>Удалить %n соглашение партнёра «%1»?</numerusform>
        <numerusform>Удалить %n соглашения партнёра «%1»?</numerusform>
        <numerusform>Удалить %n соглашений партнёра «%1»?</numerusform>
      </translation>
    </message>
    <message>
      <source>Events linked to them stay, without the link. You can undo this (Ctrl+Z).</source>
      <translation>Связанные с ними мероприятия останутся, но без ссылки на соглашение. Удаление можно отменить (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) of this year are linked to them; they stay, without the link. You can undo this (Ctrl+Z).</source>
      <translation>
        <numerusform>С ними связано %n мероприятие этого года; оно останется, но без ссылки на соглашение. Удаление можно отменить (Ctrl+Z).</numerusform>
        <numerusform>С ними связаны %n мероприятия этого года; они останутся, но без ссылки на соглашение. Удаление можно отменить (Ctrl+Z).</numerusform>
        <numerusform>С ними связано %n мероприятий этого года; они останутся, но без ссылки на соглашение. Удаление можно отменить (Ctrl+Z).</numerusform>
      </translation>
    </message>
    <message>
      <source>Delete agreements</source>
      <translation>Удаление соглашений</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>dates «%1» of the agreement «%2»: %3</source>
      <translation>даты «%1» соглашения «%2»: %3</translation>
    </message>
  </context>
  <context>
    <name>BackupsDialog</name>
    <message>
      <source>daily, on opening</source>
      <translation>ежедневная, при открытии</translation>
    </message>
    <message>
      <source>before an import</source>
      <translation>перед загрузкой таблицы</translation>
    </message>
    <message>
      <source>before a program update</source>
      <translation>перед обновлением программы</translation>
    </message>
    <message>
      <source>before a restore</source>
      <translation>перед восстановлением</translation>
    </message>
    <message>
      <source>made by hand</source>
      <translation>сделана вручную</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <source>Copies of the database are kept in {0}: one a day when the program opens it, one before each import and each restore, and those you make here.</source>
      <translation>Копии базы данных хранятся в папке {0}: одна в день при открытии программы, перед каждой загрузкой таблицы и каждым восстановлением, а также сделанные здесь вручную.</translation>
    </message>
    <message>
      <source>Made</source>
      <translation>Сделана</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Причина</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Партнёров</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Мероприятий</translation>
    </message>
    <message>
      <source>Make a Copy Now</source>
      <translation>Сделать копию сейчас</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>Восстановить…</translation>
    </message>
    <message>
      <source>cannot be read</source>
      <translation>не читается</translation>
    </message>
    <message>
      <source>No copy was made</source>
      <translation>Копия не сделана</translation>
    </message>
    <message>
      <source>Restore the copy?</source>
      <translation>Восстановить копию?</translation>
    </message>
    <message>
      <source>The database will be as it was on {0}.</source>
      <translation>База данных станет такой, какой была {0}.</translation>
    </message>
    <message>
      <source>Everything changed since then is replaced. The present state is kept as a copy first, so this can be undone by restoring that copy.</source>
      <translation>Всё, что изменено с тех пор, будет заменено. Текущее состояние сначала сохраняется копией, так что восстановление можно отменить, восстановив эту копию.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Восстановить</translation>
    </message>
    <message>
      <source>The copy was not restored</source>
      <translation>Копия не восстановлена</translation>
    </message>
  </context>
  <context>
    <name>BatchImportDialog</name>
    <message>
      <source>Choose the file to import: one, or several years at once</source>
      <translation>Выберите файл для загрузки: один или несколько лет сразу</translation>
    </message>
    <message>
      <source>Import the committee's tables</source>
      <translation>Загрузка таблиц комитета</translation>
    </message>
    <message>
      <source>Reading the files…</source>
      <translation>Чтение файлов…</translation>
    </message>
    <message>
      <source>%1 files, the years %2; %3 events in all. Each file is imported on its own.</source>
      <translation>Файлов: %1, годы: %2; всего мероприятий: %3. Каждый файл загружается отдельно.</translation>
    </message>
    <message numerus="yes">
      <source>Notes on the files: %n</source>
      <translation>
        <numerusform>Замечания к файлам: %n</numerusform>
        <numerusform>Замечания к файлам: %n</numerusform>
        <numerusform>Замечания к файлам: %n</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 (%2 events)</source>
      <translation>%1 (мероприятий: %2)</translation>
    </message>
    <message>
      <source>Replace the events of these years?</source>
      <translation>Заменить мероприятия этих лет?</translation>
    </message>
    <message>
      <source>The database already has events of %1. Replace them with the events from the files? Partners and agreements are kept; a backup copy is made first.</source>
      <translation>В базе уже есть мероприятия: %1. Заменить их мероприятиями из файлов? Партнёры и соглашения сохраняются; сначала делается резервная копия.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Импорт…</translation>
    </message>
  </context>
  <context>
    <name>ClipboardActions</name>
    <message>
      <source>Nothing to paste</source>
      <translation>Нечего вставить</translation>
    </message>
    <message>
      <source>Select the partner whose events these are in the tree, then paste again.</source>
      <translation>Выберите в дереве партнёра, чьи это мероприятия, и вставьте снова.</translation>
    </message>
    <message>
      <source>The clipboard holds no events.</source>
      <translation>В буфере обмена нет мероприятий.</translation>
    </message>
    <message>
      <source>Pasted events</source>
      <translation>Вставленные мероприятия</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) pasted</source>
      <translation>
        <numerusform>Вставлено %n мероприятие</numerusform>
        <numerusform>Вставлено %n мероприятия</numerusform>
        <numerusform>Вставлено %n мероприятий</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConfirmDialog</name>
    <message>
      <source>OK</source>
      <translation>ОК</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Changed by someone else</source>
      <translation>Запись изменил кто-то другой</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Saved by them</source>
      <translation>Сохранено другим</translation>
    </message>
    <message>
      <source>Yours</source>
      <translation>Ваше</translation>
    </message>
    <message>
      <source>Keep Mine</source>
      <translation>Оставить моё</translation>
    </message>
    <message>
      <source>Keep Theirs</source>
      <translation>Оставить сохранённое</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to Server</source>
      <translation>Подключение к серверу</translation>
    </message>
    <message>
      <source>&amp;Server:</source>
      <translation>&amp;Сервер:</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Порт:</translation>
    </message>
    <message>
      <source>&amp;Database:</source>
      <translation>&amp;База данных:</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Пользователь:</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Паро&amp;ль:</translation>
    </message>
    <message>
      <source>The address is remembered; the password is not stored anywhere.</source>
      <translation>Адрес запоминается; пароль нигде не сохраняется.</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Подключиться</translation>
    </message>
  </context>
  <context>
    <name>DatabaseFiles</name>
    <message>
      <source>Backups</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <source>Backups are made for a database in a file only.</source>
      <translation>Резервные копии делаются только для базы данных в файле.</translation>
    </message>
    <message>
      <source>Cannot create the database</source>
      <translation>Не удалось создать базу данных</translation>
    </message>
    <message>
      <source>The file “%1” already exists. Open it, or choose another name.</source>
      <translation>Файл «%1» уже существует. Откройте его или выберите другое имя.</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Не удалось открыть базу данных</translation>
    </message>
    <message>
      <source>The file “%1” is empty: there is no database in it. To start a new database, use File → New Database…</source>
      <translation>Файл «%1» пуст: базы данных в нём нет. Чтобы начать новую базу данных, выберите Файл → Новая база данных…</translation>
    </message>
    <message>
      <source>No recent databases</source>
      <translation>Недавних баз данных нет</translation>
    </message>
    <message>
      <source>Clear the List</source>
      <translation>Очистить список</translation>
    </message>
    <message>
      <source>Nothing to print</source>
      <translation>Нечего печатать</translation>
    </message>
    <message>
      <source>Cannot open the sample</source>
      <translation>Не удалось открыть пример</translation>
    </message>
  </context>
  <context>
    <name>DateQuestions</name>
    <message>
      <source>The date is not understood</source>
      <translation>Дата не распознана</translation>
    </message>
    <message>
      <source>Keep “%1” as written? The event will count as undated until the date is corrected; Edit → Dates Not Understood lists such events.</source>
      <translation>Оставить «%1» как написано? Пока дату не исправят, мероприятие считается без даты; такие мероприятия показывает Правка → Даты не распознаны.</translation>
    </message>
    <message>
      <source>Keep as Written</source>
      <translation>Оставить как написано</translation>
    </message>
    <message>
      <source>Correct the Date</source>
      <translation>Исправить дату</translation>
    </message>
    <message>
      <source>A date of another year</source>
      <translation>Дата другого года</translation>
    </message>
    <message>
      <source>The date “%1” is in %2, but the table is open for %3.</source>
      <translation>Дата «%1» относится к %2 году, а открыта таблица %3 года.</translation>
    </message>
    <message>
      <source>Put the event in the table of %1?</source>
      <translation>Перенести мероприятие в таблицу %1 года?</translation>
    </message>
    <message>
      <source>Put in %1</source>
      <translation>Перенести в %1</translation>
    </message>
    <message>
      <source>Keep in %1</source>
      <translation>Оставить в %1</translation>
    </message>
  </context>
  <context>
    <name>DetailsPane</name>
    <message>
      <source>the name «%1»: %2</source>
      <translation>название «%1»: %2</translation>
    </message>
    <message>
      <source>Details of the selected item</source>
      <translation>Сведения о выбранной записи</translation>
    </message>
    <message>
      <source>Choose a partner in the tree on the left, or find it: Ctrl+F and a few letters of the city, the country or an event.</source>
      <translation>Выберите партнёра в дереве слева или найдите его: Ctrl+F и несколько букв города, страны или мероприятия.</translation>
    </message>
  </context>
  <context>
    <name>Editor</name>
    <message>
      <source>The change was not saved: the database stayed locked.</source>
      <translation>Изменение не сохранено: база данных осталась занятой другой программой.</translation>
    </message>
    <message>
      <source>What you typed is on the clipboard: “%1”. Paste it (Ctrl+V) where the record is added again.</source>
      <translation>Введённое вами скопировано в буфер обмена: «%1». Вставьте его (Ctrl+V) туда, где запись будет добавлена заново.</translation>
    </message>
    <message>
      <source>The change could not be undone or redone: %1 The history of changes was cleared.</source>
      <translation>Не удалось отменить или повторить изменение: %1 История изменений очищена.</translation>
    </message>
    <message>
      <source>add region “%1”</source>
      <translation>добавление региона «%1»</translation>
    </message>
    <message>
      <source>add country “%1”</source>
      <translation>добавление страны «%1»</translation>
    </message>
    <message>
      <source>country as a whole</source>
      <translation>страна в целом</translation>
    </message>
    <message>
      <source>add partner “%1”</source>
      <translation>добавление партнёра «%1»</translation>
    </message>
    <message>
      <source>rename to “%1”</source>
      <translation>переименование в «%1»</translation>
    </message>
    <message>
      <source>delete “%1”</source>
      <translation>удаление «%1»</translation>
    </message>
    <message>
      <source>move “%1”</source>
      <translation>перенос «%1»</translation>
    </message>
    <message>
      <source>add agreement</source>
      <translation>добавление соглашения</translation>
    </message>
    <message numerus="yes">
      <source>delete %n agreement(s)</source>
      <translation>
        <numerusform>удаление %n соглашения</numerusform>
        <numerusform>удаление %n соглашений</numerusform>
        <numerusform>удаление %n соглашений</numerusform>
      </translation>
    </message>
    <message>
      <source>move agreement</source>
      <translation>перемещение соглашения</translation>
    </message>
    <message>
      <source>add event</source>
      <translation>добавление мероприятия</translation>
    </message>
    <message>
      <source>move event to %1</source>
      <translation>перенос мероприятия в %1 год</translation>
    </message>
    <message numerus="yes">
      <source>delete %n event(s)</source>
      <translation>
        <numerusform>удаление %n мероприятия</numerusform>
        <numerusform>удаление %n мероприятий</numerusform>
        <numerusform>удаление %n мероприятий</numerusform>
      </translation>
    </message>
    <message>
      <source>move event</source>
      <translation>перемещение мероприятия</translation>
    </message>
    <message numerus="yes">
      <source>move %n event(s) to “%1”</source>
      <translation>
        <numerusform>перенос %n мероприятия к партнёру «%1»</numerusform>
        <numerusform>перенос %n мероприятий к партнёру «%1»</numerusform>
        <numerusform>перенос %n мероприятий к партнёру «%1»</numerusform>
      </translation>
    </message>
    <message>
      <source>sort events by date</source>
      <translation>упорядочение мероприятий по дате</translation>
    </message>
    <message>
      <source>start the year %1</source>
      <translation>начало %1 года</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <source>Unexpected error</source>
      <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
      <source>Something went wrong that the program did not expect. Your changes made so far are saved in the database.</source>
      <translation>Произошла ошибка, которую программа не ожидала. Все сделанные до неё изменения сохранены в базе данных.</translation>
    </message>
    <message>
      <source>The details are written to the log: %1
Please send this file to the program's maintainers. You can go on working.</source>
      <translation>Подробности записаны в журнал: %1
Пожалуйста, отправьте этот файл разработчикам программы. Работу можно продолжать.</translation>
    </message>
    <message>
      <source>The details could not be written to a log: no folder for it can be written to. Press «Copy the Details» and send them to the program's maintainers by mail. You can go on working.</source>
      <translation>Подробности не удалось записать в журнал: ни в одну папку для него нельзя записывать. Нажмите «Скопировать подробности» и отправьте их разработчикам программы по почте. Работу можно продолжать.</translation>
    </message>
    <message>
      <source>Open the Log Folder</source>
      <translation>Открыть папку журнала</translation>
    </message>
    <message>
      <source>Copy the Details</source>
      <translation>Скопировать подробности</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>Не удалось выполнить</translation>
    </message>
  </context>
  <context>
    <name>EventHitsModel</name>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Партнёр</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Мероприятие</translation>
    </message>
  </context>
  <context>
    <name>EventsModel</name>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Мероприятие</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Соглашение</translation>
    </message>
    <message>
      <source>This date is in %1, not in %2</source>
      <translation>Эта дата — %1 год, а не %2</translation>
    </message>
    <message>
      <source>Write the date as staff do: 3-6 июля, 15.03, 12 мая 2025 г., начало апреля, 2 и 4 июля, III квартал</source>
      <translation>Пишите дату как обычно: 3-6 июля, 15.03, 12 мая 2025 г., начало апреля, 2 и 4 июля, III квартал</translation>
    </message>
    <message>
      <source>The date is not understood and is kept as written; the event counts as undated until the date is corrected</source>
      <translation>Дата не распознана и сохранена как написана; пока её не исправят, мероприятие считается без даты</translation>
    </message>
  </context>
  <context>
    <name>EventsSection</name>
    <message>
      <source>Add an event</source>
      <translation>Добавить мероприятие</translation>
    </message>
    <message>
      <source>Delete the selected events</source>
      <translation>Удалить выбранные мероприятия</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Выше</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Ниже</translation>
    </message>
    <message>
      <source>Sort by date</source>
      <translation>По дате</translation>
    </message>
    <message>
      <source>date: 3-6 июля</source>
      <translation>дата: 3-6 июля</translation>
    </message>
    <message>
      <source>Date of the new event</source>
      <translation>Дата нового мероприятия</translation>
    </message>
    <message>
      <source>what happened — Enter adds the event</source>
      <translation>что было — Enter добавляет мероприятие</translation>
    </message>
    <message>
      <source>Text of the new event</source>
      <translation>Текст нового мероприятия</translation>
    </message>
    <message>
      <source>Agreement of the new event</source>
      <translation>Соглашение нового мероприятия</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Events of the year</source>
      <translation>Мероприятия года</translation>
    </message>
    <message>
      <source>Full text of the selected event</source>
      <translation>Полный текст выбранного мероприятия</translation>
    </message>
    <message>
      <source>The full text of the selected event; it is saved when you leave the field.</source>
      <translation>Полный текст выбранного мероприятия; он сохраняется, когда вы покидаете поле.</translation>
    </message>
    <message>
      <source>&lt;b&gt;Events of %1&lt;/b&gt;</source>
      <translation>&lt;b&gt;Мероприятия %1 года&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
      <source>%1: %n event(s), for reference (read-only)</source>
      <translation>
        <numerusform>%1 год: %n мероприятие, для справки (только чтение)</numerusform>
        <numerusform>%1 год: %n мероприятия, для справки (только чтение)</numerusform>
        <numerusform>%1 год: %n мероприятий, для справки (только чтение)</numerusform>
      </translation>
    </message>
    <message>
      <source>This date is in %1, not in %2</source>
      <translation>Эта дата — %1 год, а не %2</translation>
    </message>
    <message>
      <source>date «%1» of the event «%2»: %3</source>
      <translation>дата «%1» мероприятия «%2»: %3</translation>
    </message>
    <message>
      <source>the new event «%1», not added yet</source>
      <translation>новое мероприятие «%1» — ещё не добавлено</translation>
    </message>
    <message numerus="yes">
      <source>paste %n event(s)</source>
      <translation>
        <numerusform>вставка %n мероприятия</numerusform>
        <numerusform>вставка %n мероприятий</numerusform>
        <numerusform>вставка %n мероприятий</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export to Excel</source>
      <translation>Экспорт в Excel</translation>
    </message>
    <message>
      <source>Events of the year:</source>
      <translation>Мероприятия года:</translation>
    </message>
    <message>
      <source>Regions and countries</source>
      <translation>Регионы и страны</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Мероприятий</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>Выбрать все</translation>
    </message>
    <message>
      <source>Select none</source>
      <translation>Снять все</translation>
    </message>
    <message>
      <source>The workbook (.xlsx) to write</source>
      <translation>Книга Excel (.xlsx), в которую записать таблицу</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>Файл:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспортировать</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Replace the file?</source>
      <translation>Заменить файл?</translation>
    </message>
    <message>
      <source>The file {0} already exists. Replace it with the new export?</source>
      <translation>Файл {0} уже существует. Заменить его новым экспортом?</translation>
    </message>
    <message>
      <source>Export finished</source>
      <translation>Экспорт завершён</translation>
    </message>
    <message>
      <source>The table of {0} was written to {1}. Open it now?</source>
      <translation>Таблица {0} года записана в {1}. Открыть её сейчас?</translation>
    </message>
    <message>
      <source>Notes: {0}. Some records would read back otherwise; see details.</source>
      <translation>Замечания: {0}. Некоторые записи при обратном чтении получатся иначе; подробности ниже.</translation>
    </message>
    <message>
      <source>Writing the workbook…</source>
      <translation>Запись книги…</translation>
    </message>
    <message>
      <source>Written: %1</source>
      <translation>Записано: %1</translation>
    </message>
    <message>
      <source>Cancelled. No file was written.</source>
      <translation>Отменено. Файл не записан.</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>agreement No. %1</source>
      <translation>соглашение № %1 (удалено)</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>без даты</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>edit name</source>
      <translation>изменение названия</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>edit kind</source>
      <translation>изменение вида</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <source>edit note</source>
      <translation>изменение примечания</translation>
    </message>
    <message>
      <source>Basis of cooperation</source>
      <translation>Основание для сотрудничества</translation>
    </message>
    <message>
      <source>edit agreement title</source>
      <translation>изменение названия соглашения</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <source>edit agreement dates</source>
      <translation>изменение дат соглашения</translation>
    </message>
    <message>
      <source>edit agreement note</source>
      <translation>изменение примечания к соглашению</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>edit event date</source>
      <translation>изменение даты мероприятия</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Мероприятие</translation>
    </message>
    <message>
      <source>edit event text</source>
      <translation>изменение текста мероприятия</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Начало</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Конец</translation>
    </message>
    <message>
      <source>Date as written</source>
      <translation>Дата как записана</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>move event to a year</source>
      <translation>перенос мероприятия в другой год</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Соглашение</translation>
    </message>
    <message>
      <source>link event to agreement</source>
      <translation>привязка мероприятия к соглашению</translation>
    </message>
    <message>
      <source>edit %1</source>
      <translation>изменение поля «%1»</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <source>Open a database</source>
      <translation>Открыть базу данных</translation>
    </message>
    <message>
      <source>spbgui databases (*.sqlite *.db)</source>
      <translation>Базы данных spbgui (*.sqlite *.db)</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Все файлы (*)</translation>
    </message>
    <message>
      <source>Create a new database</source>
      <translation>Создать базу данных</translation>
    </message>
  </context>
  <context>
    <name>FirstStartDialog</name>
    <message>
      <source>Welcome</source>
      <translation>Добро пожаловать</translation>
    </message>
    <message>
      <source>The database is empty.</source>
      <translation>База данных пуста.</translation>
    </message>
    <message>
      <source>Import last year's table from an Excel workbook, or open the 2024 table that comes with the program to look around first.</source>
      <translation>Импортируйте прошлогоднюю таблицу из книги Excel или откройте таблицу 2024 года, которая поставляется с программой, чтобы сначала осмотреться.</translation>
    </message>
    <message>
      <source>Import a Table…</source>
      <translation>Импортировать таблицу…</translation>
    </message>
    <message>
      <source>Open the 2024 Sample</source>
      <translation>Открыть пример 2024 года</translation>
    </message>
    <message>
      <source>Start Empty</source>
      <translation>Начать с пустой базы</translation>
    </message>
  </context>
  <context>
    <name>HelpWindow</name>
    <message>
      <source>User Guide</source>
      <translation>Руководство пользователя</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>added</source>
      <translation>добавлена</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>изменена</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>удалена</translation>
    </message>
    <message>
      <source>import</source>
      <translation>загрузка таблицы</translation>
    </message>
    <message>
      <source>region</source>
      <translation>регион</translation>
    </message>
    <message>
      <source>country</source>
      <translation>страна</translation>
    </message>
    <message>
      <source>partner</source>
      <translation>партнёр</translation>
    </message>
    <message>
      <source>agreement</source>
      <translation>соглашение</translation>
    </message>
    <message>
      <source>event</source>
      <translation>мероприятие</translation>
    </message>
    <message>
      <source>table from Excel</source>
      <translation>таблица из Excel</translation>
    </message>
    <message>
      <source>table of %1; events replaced: %2</source>
      <translation>таблица %1 года; заменено мероприятий: %2</translation>
    </message>
    <message>
      <source>History of Changes</source>
      <translation>История изменений</translation>
    </message>
    <message>
      <source>All records</source>
      <translation>Все записи</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Запись</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Действие</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Изменения</translation>
    </message>
    <message>
      <source>Save as CSV…</source>
      <translation>Сохранить в CSV…</translation>
    </message>
    <message>
      <source>Restore the Deleted Record</source>
      <translation>Восстановить удалённую запись</translation>
    </message>
    <message>
      <source>Save the history</source>
      <translation>Сохранить историю</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
      <source>The history was not saved</source>
      <translation>История не сохранена</translation>
    </message>
    <message>
      <source>Restore the deleted record?</source>
      <translation>Восстановить удалённую запись?</translation>
    </message>
    <message>
      <source>«{0}» comes back where it was, with what was deleted with it.</source>
      <translation>«{0}» вернётся на прежнее место вместе со всем, что было удалено вместе с ней.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Восстановить</translation>
    </message>
    <message>
      <source>The record was not restored</source>
      <translation>Запись не восстановлена</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>Файл:</translation>
    </message>
    <message>
      <source>Region / country / partner</source>
      <translation>Регион / страна / партнёр</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>Соглашения</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Мероприятий</translation>
    </message>
    <message>
      <source>Notes on the file</source>
      <translation>Замечания по файлу</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <source>Import the committee's table</source>
      <translation>Загрузка таблицы комитета</translation>
    </message>
    <message>
      <source>Choose the file of the table to import (Excel, LibreOffice, Word, text)</source>
      <translation>Выберите файл таблицы для загрузки (Excel, LibreOffice, Word, текст)</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Все файлы (*)</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Чтение файла…</translation>
    </message>
    <message>
      <source>rows pasted from the clipboard</source>
      <translation>строки, вставленные из буфера обмена</translation>
    </message>
    <message>
      <source>Events of {year}. The file holds {regions} regions, {countries} countries, {partners} partners, {agreements} agreements and {events} events ({dated} of them dated).</source>
      <translation>Мероприятия {year} года. В файле регионов: {regions}, стран: {countries}, партнёров: {partners}, соглашений: {agreements}, мероприятий: {events} (из них с датой: {dated}).</translation>
    </message>
    <message>
      <source>(the country as a whole)</source>
      <translation>(страна в целом)</translation>
    </message>
    <message numerus="yes">
      <source>Notes on the file: %n</source>
      <translation>
        <numerusform>Замечания по файлу: %n</numerusform>
        <numerusform>Замечания по файлу: %n</numerusform>
        <numerusform>Замечания по файлу: %n</numerusform>
      </translation>
    </message>
    <message>
      <source>Replace the events of {0}?</source>
      <translation>Заменить мероприятия {0} года?</translation>
    </message>
    <message>
      <source>The database already has {0} events of {1}. Replace them with the events from the file? Partners and agreements are kept; a backup copy is made first.</source>
      <translation>В базе данных уже есть мероприятия {1} года ({0}). Заменить их мероприятиями из файла? Партнёры и соглашения сохранятся; перед заменой делается резервная копия.</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <source>Cancelled. The database was not changed.</source>
      <translation>Отменено. База данных не изменена.</translation>
    </message>
    <message>
      <source>Stopping the import…</source>
      <translation>Импорт останавливается…</translation>
    </message>
  </context>
  <context>
    <name>Kinds</name>
    <message>
      <source>city</source>
      <translation>город</translation>
    </message>
    <message>
      <source>province</source>
      <translation>провинция</translation>
    </message>
    <message>
      <source>region (oblast)</source>
      <translation>область (регион)</translation>
    </message>
    <message>
      <source>district</source>
      <translation>район</translation>
    </message>
    <message>
      <source>country as a whole</source>
      <translation>страна в целом</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Year of the table</source>
      <translation>Год таблицы</translation>
    </message>
    <message>
      <source>The year whose events are shown and written</source>
      <translation>Год, мероприятия которого показываются и записываются</translation>
    </message>
    <message>
      <source>Open Folder</source>
      <translation>Открыть папку</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>Не удалось выполнить</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>&amp;Отменить: %1</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>&amp;Повторить: %1</translation>
    </message>
    <message>
      <source>You are opening another database.</source>
      <translation>Вы открываете другую базу данных.</translation>
    </message>
    <message>
      <source>%1 — St Petersburg's partner cities</source>
      <translation>%1 — Города-партнёры Санкт-Петербурга</translation>
    </message>
    <message>
      <source>The database is busy: another program (an import, another window) is writing to it. Your change will be saved as soon as it finishes…</source>
      <translation>База данных занята: в неё сейчас пишет другая программа (загрузка таблицы, другое окно). Ваше изменение будет сохранено, как только она закончит…</translation>
    </message>
    <message>
      <source>The table was imported in another window or program: what you did before that can no longer be undone.</source>
      <translation>Таблицу загрузили в другом окне или другой программой: то, что вы сделали до этого, отменить больше нельзя.</translation>
    </message>
    <message>
      <source>Deleted by someone else</source>
      <translation>Запись удалена другим пользователем</translation>
    </message>
    <message>
      <source>The record you were typing on was deleted in another window or program. What you typed and had not saved is on the clipboard: %1. Paste it (Ctrl+V) where it belongs.</source>
      <translation>Запись, в которой вы печатали, удалили в другом окне или другой программой. То, что вы ввели и не успели сохранить, скопировано в буфер обмена: %1. Вставьте его (Ctrl+V) туда, где оно нужно.</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>Не сохранено: %1</translation>
    </message>
    <message>
      <source>You are leaving this partner.</source>
      <translation>Вы уходите от этого партнёра.</translation>
    </message>
    <message>
      <source>You are switching to another year.</source>
      <translation>Вы переходите к другому году.</translation>
    </message>
    <message>
      <source>You are starting a new year.</source>
      <translation>Вы начинаете новый год.</translation>
    </message>
    <message>
      <source>Partners: %1 · agreements: %2 · events of %3: %4</source>
      <translation>Партнёров: %1 · соглашений: %2 · мероприятий %3 года: %4</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Сохранено: %1</translation>
    </message>
    <message>
      <source>You are closing the program.</source>
      <translation>Вы закрываете программу.</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>Open Re&amp;cent</source>
      <translation>Н&amp;едавние</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;Records</source>
      <translation>&amp;Записи</translation>
    </message>
    <message>
      <source>&amp;Year</source>
      <translation>&amp;Год</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>Основная панель</translation>
    </message>
    <message>
      <source> Y&amp;ear: </source>
      <translation> Го&amp;д: </translation>
    </message>
  </context>
  <context>
    <name>NavigationModel</name>
    <message numerus="yes">
      <source>%n event(s) in %1</source>
      <translation>
        <numerusform>%n мероприятие в %1 году</numerusform>
        <numerusform>%n мероприятия в %1 году</numerusform>
        <numerusform>%n мероприятий в %1 году</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (страна в целом)</translation>
    </message>
    <message>
      <source>Region / country / partner</source>
      <translation>Регион / страна / партнёр</translation>
    </message>
    <message>
      <source>Events in %1</source>
      <translation>Мероприятия %1 года</translation>
    </message>
  </context>
  <context>
    <name>NavigationTree</name>
    <message>
      <source>Regions, countries and partners</source>
      <translation>Регионы, страны и партнёры</translation>
    </message>
  </context>
  <context>
    <name>PartnerAnswers</name>
    <message>
      <source>Te&amp;rm of the Agreement…</source>
      <translation>С&amp;рок соглашения…</translation>
    </message>
    <message>
      <source>The term and status of the agreement selected above</source>
      <translation>Срок и состояние соглашения, выбранного в таблице ниже</translation>
    </message>
    <message>
      <source>Last event:</source>
      <translation>Последнее мероприятие:</translation>
    </message>
    <message>
      <source>Events per year:</source>
      <translation>Мероприятий по годам:</translation>
    </message>
    <message>
      <source>Agreements:</source>
      <translation>Соглашения:</translation>
    </message>
    <message>
      <source>none in any year</source>
      <translation>ни в одном году не было</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>dated %1, still to come</source>
      <translation>дата %1 ещё не наступила</translation>
    </message>
    <message>
      <source>renewed %1</source>
      <translation>продлено: %1</translation>
    </message>
    <message>
      <source>Select the agreement whose term to edit in the agreements table.</source>
      <translation>Выберите в таблице соглашений то, срок которого нужно изменить.</translation>
    </message>
    <message>
      <source>edit agreement term</source>
      <translation>изменение срока соглашения</translation>
    </message>
  </context>
  <context>
    <name>PartnerDialog</name>
    <message>
      <source>New partner in %1</source>
      <translation>Новый партнёр: %1</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Название:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Вид:</translation>
    </message>
  </context>
  <context>
    <name>PartnerPage</name>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Название:</translation>
    </message>
    <message>
      <source>K&amp;ind:</source>
      <translation>В&amp;ид:</translation>
    </message>
    <message>
      <source>No&amp;te:</source>
      <translation>Прим&amp;ечание:</translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (страна в целом)</translation>
    </message>
    <message>
      <source>the country itself</source>
      <translation>сама страна</translation>
    </message>
    <message>
      <source>edit partner “%1”</source>
      <translation>изменение партнёра «%1»</translation>
    </message>
  </context>
  <context>
    <name>PendingDialog</name>
    <message>
      <source>Not saved</source>
      <translation>Не сохранено</translation>
    </message>
    <message>
      <source>What you typed here is not saved:</source>
      <translation>То, что вы ввели здесь, не сохранено:</translation>
    </message>
    <message>
      <source>Go Back and Correct</source>
      <translation>Вернуться и исправить</translation>
    </message>
    <message>
      <source>Discard It</source>
      <translation>Отбросить</translation>
    </message>
  </context>
  <context>
    <name>QThread</name>
    <message>
      <source>Unexpected error: {0}. Details are in {1}</source>
      <translation>Непредвиденная ошибка: {0}. Подробности в {1}</translation>
    </message>
    <message>
      <source>Unexpected error: {0}. The log could not be written.</source>
      <translation>Непредвиденная ошибка: {0}. Журнал записать не удалось.</translation>
    </message>
  </context>
  <context>
    <name>RecordActions</name>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (страна в целом)</translation>
    </message>
    <message>
      <source>New region</source>
      <translation>Новый регион</translation>
    </message>
    <message>
      <source>Name of the region:</source>
      <translation>Название региона:</translation>
    </message>
    <message>
      <source>New country</source>
      <translation>Новая страна</translation>
    </message>
    <message>
      <source>Name of the country:</source>
      <translation>Название страны:</translation>
    </message>
    <message>
      <source>Delete the region “%1”?</source>
      <translation>Удалить регион «%1»?</translation>
    </message>
    <message>
      <source>Delete the country “%1”?</source>
      <translation>Удалить страну «%1»?</translation>
    </message>
    <message>
      <source>Delete the partner “%1”?</source>
      <translation>Удалить партнёра «%1»?</translation>
    </message>
    <message numerus="yes">
      <source>%n country(ies)</source>
      <translation>
        <numerusform>%n страна</numerusform>
        <numerusform>%n страны</numerusform>
        <numerusform>%n стран</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n partner(s)</source>
      <translation>
        <numerusform>%n партнёр</numerusform>
        <numerusform>%n партнёра</numerusform>
        <numerusform>%n партнёров</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agreement(s)</source>
      <translation>
        <numerusform>%n соглашение</numerusform>
        <numerusform>%n соглашения</numerusform>
        <numerusform>%n соглашений</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) of all years</source>
      <translation>
        <numerusform>%n мероприятие всех лет</numerusform>
        <numerusform>%n мероприятия всех лет</numerusform>
        <numerusform>%n мероприятий всех лет</numerusform>
      </translation>
    </message>
    <message>
      <source>Nothing else is deleted with it.</source>
      <translation>Больше ничего вместе с ним не удаляется.</translation>
    </message>
    <message>
      <source>With it go: %1.</source>
      <translation>Вместе с ним удаляются: %1.</translation>
    </message>
    <message>
      <source>You can undo this with Ctrl+Z.</source>
      <translation>Удаление можно отменить: Ctrl+Z.</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Move “%1” to the region</source>
      <translation>Перенести «%1» в регион</translation>
    </message>
    <message>
      <source>Move “%1” to the country</source>
      <translation>Перенести «%1» в страну</translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message>
      <source>The database is damaged</source>
      <translation>База данных повреждена</translation>
    </message>
    <message>
      <source>The database file “%1” is damaged, and the program will not write to it. No sound backup copy was found beside it. If there is another copy of the file (on another disk, sent by mail), open that one with File → Open Database…; the damaged file is left as it is.</source>
      <translation>Файл базы данных «%1» повреждён, и программа не будет в него писать. Исправной резервной копии рядом с ним не найдено. Если у вас есть другая копия этого файла (на другом диске, в письме), откройте её: Файл → Открыть базу данных…; повреждённый файл остаётся как есть.</translation>
    </message>
    <message>
      <source>Restore the newest sound copy ({0})? The damaged file is kept beside it.</source>
      <translation>Восстановить последнюю исправную копию ({0})? Повреждённый файл будет сохранён рядом.</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Восстановить</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Не удалось открыть базу данных</translation>
    </message>
    <message>
      <source>To bring a table's records into the database, use File → Import Table…</source>
      <translation>Чтобы перенести записи таблицы в базу данных, выберите Файл → Импорт таблицы…</translation>
    </message>
  </context>
  <context>
    <name>ReportOptionsDialog</name>
    <message>
      <source>Report options</source>
      <translation>Параметры отчёта</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>Выбрать все</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Снять все</translation>
    </message>
    <message>
      <source>Summary at the end: counts and a chart of the year's events</source>
      <translation>Итоги в конце: числа и диаграмма мероприятий года</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Альбомная</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>Книжная</translation>
    </message>
    <message>
      <source>Year of the events:</source>
      <translation>Год мероприятий:</translation>
    </message>
    <message>
      <source>Pages:</source>
      <translation>Страницы:</translation>
    </message>
    <message>
      <source>Regions and countries to include:</source>
      <translation>Регионы и страны в отчёте:</translation>
    </message>
    <message>
      <source>Tick at least one country.</source>
      <translation>Отметьте хотя бы одну страну.</translation>
    </message>
  </context>
  <context>
    <name>ReportPreviewDialog</name>
    <message>
      <source>Yearly report %1 — print preview</source>
      <translation>Годовой отчёт %1 — предварительный просмотр</translation>
    </message>
    <message>
      <source>Options…</source>
      <translation>Параметры…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Сохранить в PDF…</translation>
    </message>
    <message>
      <source>Save as Word…</source>
      <translation>Сохранить в Word…</translation>
    </message>
    <message>
      <source>Year, regions and countries, summary</source>
      <translation>Год, регионы и страны, итоги</translation>
    </message>
    <message>
      <source>A Word document whose wording can be edited</source>
      <translation>Документ Word, текст которого можно править</translation>
    </message>
    <message>
      <source>The report has %1 pages: none of the pages asked for is in it.</source>
      <translation>В отчёте страниц: %1 — запрошенных страниц в нём нет. Укажите номера страниц от 1 до %1.</translation>
    </message>
    <message>
      <source>Nothing to print</source>
      <translation>Печатать нечего</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Отчёт</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Документы Word (*.docx)</translation>
    </message>
    <message>
      <source>Save the report as PDF</source>
      <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
      <source>Save the report as a Word document</source>
      <translation>Сохранить отчёт как документ Word</translation>
    </message>
    <message>
      <source>The report was not saved</source>
      <translation>Отчёт не сохранён</translation>
    </message>
  </context>
  <context>
    <name>RetryDialog</name>
    <message>
      <source>The database is busy</source>
      <translation>База данных занята</translation>
    </message>
    <message>
      <source>Your change is kept. Try to save it again?</source>
      <translation>Ваше изменение не потеряно. Попробовать сохранить его ещё раз?</translation>
    </message>
    <message>
      <source>Try Again</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Discard the Change</source>
      <translation>Отказаться от изменения</translation>
    </message>
  </context>
  <context>
    <name>SearchField</name>
    <message>
      <source>Find (Ctrl+F): city, country, agreement, event…</source>
      <translation>Поиск (Ctrl+F): город, страна, соглашение, мероприятие…</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message>
      <source>all years</source>
      <translation>все годы</translation>
    </message>
    <message>
      <source>Find events of every year, not only of the selected one</source>
      <translation>Искать мероприятия всех лет, а не только выбранного</translation>
    </message>
    <message>
      <source>Matching events</source>
      <translation>Найденные мероприятия</translation>
    </message>
    <message numerus="yes">
      <source>Dates not understood: %n event(s)</source>
      <translation>
        <numerusform>Даты не распознаны: %n мероприятие</numerusform>
        <numerusform>Даты не распознаны: %n мероприятия</numerusform>
        <numerusform>Даты не распознаны: %n мероприятий</numerusform>
      </translation>
    </message>
    <message>
      <source>Every date is understood</source>
      <translation>Все даты распознаны</translation>
    </message>
    <message>
      <source>Type at least two letters.</source>
      <translation>Введите хотя бы две буквы.</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>Ничего не найдено.</translation>
    </message>
    <message>
      <source>in every year</source>
      <translation>за все годы</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) found</source>
      <translation>
        <numerusform>Найдено %n мероприятие</numerusform>
        <numerusform>Найдено %n мероприятия</numerusform>
        <numerusform>Найдено %n мероприятий</numerusform>
      </translation>
    </message>
    <message>
      <source>, the first %1 shown</source>
      <translation>, показаны первые %1</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>The program's settings cannot be saved: the file “%1” cannot be written. The list of recent databases and the window's layout will not be remembered (the records are not affected). Ask the administrator to allow writing there.</source>
      <translation>Настройки программы не сохраняются: в файл «%1» нельзя записывать. Список последних баз данных и вид окна не запомнятся (на записи в базе это не влияет). Попросите администратора разрешить запись туда.</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <source>No database to start on</source>
      <translation>Нет базы данных для работы</translation>
    </message>
    <message>
      <source>Open a database you already have, or create a new one in a folder you can write to (your Documents, for example). Without a database the program cannot start.</source>
      <translation>Откройте базу данных, которая у вас уже есть, или создайте новую в папке, куда можно записывать (например, в «Документах»). Без базы данных программа работать не может.</translation>
    </message>
    <message>
      <source>Open a Database…</source>
      <translation>Открыть базу данных…</translation>
    </message>
    <message>
      <source>Create a Database…</source>
      <translation>Создать базу данных…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Выйти</translation>
    </message>
    <message>
      <source>The program's own database “%1” cannot be opened, so the program has no database to start on.</source>
      <translation>Собственную базу данных программы «%1» открыть нельзя, и программе не с чем начать работу.</translation>
    </message>
    <message>
      <source>The last database, “%1”, could not be opened; the program's own database is open instead. Open another one with File → Open Database…</source>
      <translation>Последнюю базу данных, «%1», открыть не удалось; вместо неё открыта собственная база данных программы. Другую базу можно открыть: Файл → Открыть базу данных…</translation>
    </message>
  </context>
  <context>
    <name>StatsWindow</name>
    <message>
      <source>Statistics across years</source>
      <translation>Статистика по годам</translation>
    </message>
    <message>
      <source>by region</source>
      <translation>по регионам</translation>
    </message>
    <message>
      <source>by country</source>
      <translation>по странам</translation>
    </message>
    <message>
      <source>by partner</source>
      <translation>по партнёрам</translation>
    </message>
    <message>
      <source>&amp;From:</source>
      <translation>&amp;С:</translation>
    </message>
    <message>
      <source>&amp;to:</source>
      <translation>&amp;по:</translation>
    </message>
    <message>
      <source>Events per year</source>
      <translation>Мероприятия по годам</translation>
    </message>
    <message>
      <source>Click a figure to see the events behind it.</source>
      <translation>Щёлкните число, чтобы увидеть мероприятия, которые в нём посчитаны.</translation>
    </message>
    <message>
      <source>Events behind the figure</source>
      <translation>Мероприятия, посчитанные в числе</translation>
    </message>
    <message>
      <source>&amp;Years</source>
      <translation>По &amp;годам</translation>
    </message>
    <message>
      <source>This Year and &amp;Last</source>
      <translation>Этот и &amp;прошлый год</translation>
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation>&amp;Год:</translation>
    </message>
    <message>
      <source>&amp;Regions</source>
      <translation>&amp;Регионы</translation>
    </message>
    <message>
      <source>&amp;Anniversaries</source>
      <translation>&amp;Юбилеи</translation>
    </message>
    <message>
      <source>&amp;Dormant Partners</source>
      <translation>&amp;Без мероприятий</translation>
    </message>
    <message>
      <source>No events for (years):</source>
      <translation>Нет мероприятий (лет):</translation>
    </message>
    <message>
      <source>&amp;Terms</source>
      <translation>С&amp;роки</translation>
    </message>
    <message>
      <source>Ending within (months):</source>
      <translation>Кончаются в ближайшие (месяцев):</translation>
    </message>
    <message>
      <source>A&amp;ges</source>
      <translation>&amp;Возраст</translation>
    </message>
    <message>
      <source>Agreements older than (years):</source>
      <translation>Соглашения старше (лет):</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Регион</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Партнёр</translation>
    </message>
    <message>
      <source>The first year is after the last: put them in order.</source>
      <translation>Первый год позже последнего: поставьте их по порядку.</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Всего</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>Разница</translation>
    </message>
    <message>
      <source>The database has no year %1: there is nothing to compare with.</source>
      <translation>В базе нет %1 года: сравнивать не с чем.</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>Стран</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Партнёров</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>Соглашений</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Years</source>
      <translation>Лет</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>partnership: %1</source>
      <translation>партнёрство: %1</translation>
    </message>
    <message>
      <source>agreement: %1</source>
      <translation>соглашение: %1</translation>
    </message>
    <message>
      <source>Last event</source>
      <translation>Последнее мероприятие</translation>
    </message>
    <message>
      <source>never</source>
      <translation>не было</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Соглашение</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>ends soon</source>
      <translation>скоро кончается</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>Подписано</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Мероприятие</translation>
    </message>
    <message>
      <source>Events of %1: %2</source>
      <translation>Мероприятия: %1 — %2</translation>
    </message>
    <message>
      <source>(the first %1 are listed)</source>
      <translation>(показаны первые %1)</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Название:</translation>
    </message>
    <message>
      <source>No&amp;te:</source>
      <translation>Прим&amp;ечание:</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Регион</translation>
    </message>
    <message>
      <source>Country in %1</source>
      <translation>Страна, регион «%1»</translation>
    </message>
    <message>
      <source>Countries</source>
      <translation>Страны</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Партнёров</translation>
    </message>
    <message>
      <source>Agreements</source>
      <translation>Соглашения</translation>
    </message>
    <message>
      <source>Events in %1</source>
      <translation>Мероприятия %1 года</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>Партнёр</translation>
    </message>
    <message>
      <source>%1 (country as a whole)</source>
      <translation>%1 (страна в целом)</translation>
    </message>
    <message>
      <source>edit “%1”</source>
      <translation>изменение «%1»</translation>
    </message>
  </context>
  <context>
    <name>TermDialog</name>
    <message>
      <source>Term of the agreement</source>
      <translation>Срок соглашения</translation>
    </message>
    <message>
      <source>e.g. 2021</source>
      <translation>например, 2021</translation>
    </message>
    <message>
      <source>e.g. 2023 or 31.12.2026</source>
      <translation>например, 2023 или 31.12.2026</translation>
    </message>
    <message>
      <source>from the term (in force or expired)</source>
      <translation>по сроку (действует или истекло)</translation>
    </message>
    <message>
      <source>&amp;From:</source>
      <translation>&amp;С:</translation>
    </message>
    <message>
      <source>&amp;Until:</source>
      <translation>&amp;До:</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>&amp;Состояние:</translation>
    </message>
  </context>
  <context>
    <name>UndoConflictDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
  </context>
  <context>
    <name>YearDialog</name>
    <message>
      <source>New year</source>
      <translation>Новый год</translation>
    </message>
    <message>
      <source>Year to start</source>
      <translation>Год, который начать</translation>
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation>&amp;Год:</translation>
    </message>
    <message>
      <source>The table of %1 is already there: choose it in the year selector.</source>
      <translation>Таблица %1 года уже есть: выберите её в списке «Год» на панели инструментов.</translation>
    </message>
    <message>
      <source>Partners and agreements stay as they are; %1 starts with no events. The events of the other years stay in the database.</source>
      <translation>Партнёры и соглашения остаются как есть; %1 год начинается без мероприятий. Мероприятия других лет остаются в базе.</translation>
    </message>
    <message>
      <source>Start %1</source>
      <translation>Начать %1</translation>
    </message>
  </context>
  <context>
    <name>YearsChart</name>
    <message>
      <source>Chart of events per year</source>
      <translation>Диаграмма мероприятий по годам</translation>
    </message>
    <message numerus="yes">
      <source>Others (%n)</source>
      <translation>
        <numerusform>Остальные (%n)</numerusform>
        <numerusform>Остальные (%n)</numerusform>
        <numerusform>Остальные (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>Events per year</source>
      <translation>Мероприятия по годам</translation>
    </message>
  </context>
</TS>
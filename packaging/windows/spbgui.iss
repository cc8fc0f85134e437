; Inno Setup script: the Windows installer of spbgui (Города-партнёры Санкт-Петербурга).
;
; Built on Windows with Inno Setup 6.3 or newer, after the PyInstaller folder:
;   make package-folder                    (or: python packaging\build.py folder)
;   iscc packaging\windows\spbgui.iss      -> dist\spbgui-0.1.0-setup.exe
;   iscc /DAppVersion=0.2.0 packaging\windows\spbgui.iss   for another version
; It has not been compiled on the Linux machine the project is built on; see
; packaging\README.md for what was and was not checked.
;
; The file is UTF-8 with a byte-order mark, so that Inno Setup reads the
; Russian text as Unicode. Relative paths are from this folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "spbgui.exe"
#define SourceFolder "..\..\dist\spbgui"

[Setup]
; The AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{6B0E2F4C-8E55-4C47-9D6A-3F1B7C2A9E51}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=spbgui
DefaultDirName={autopf}\spbgui
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
; Installs for all users by default (Program Files); a user without admin rights
; may choose to install for themselves only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=spbgui-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\spbgui.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Close a running spbgui before replacing its files.
CloseApplications=yes

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.AppName=Города-партнёры Санкт-Петербурга
en.AppName=St Petersburg Partner Cities
ru.AppComment=Партнёры, соглашения и мероприятия Комитета по внешним связям
en.AppComment=Partners, agreements and events of the Committee for External Relations

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: spbgui.exe, spbgui-cli.exe and _internal\.
Source: "{#SourceFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Byte-code caches Python may write beside the bundled Alembic revisions.
; The users' databases live in their profile (AppData) and are not removed.
Type: filesandordirs; Name: "{app}\_internal\spbgui\_db\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\spbgui\_db\versions\__pycache__"

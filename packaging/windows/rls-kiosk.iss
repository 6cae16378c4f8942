; Inno Setup 6 script: the Windows installer for the RLS waiting-room kiosk.
;
; Build on Windows, from the repository root:
;   py packaging\build.py                                 (-> dist\rls-kiosk\, smoke-tested)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\rls-kiosk.iss
;                                                         (-> dist\rls-kiosk-<version>-setup.exe)
; On Linux, packaging/windows/build.sh does both under wine, and check.sh installs, runs,
; upgrades and uninstalls the result in a fresh wine prefix (CI runs both).
;
; What goes where (INSTALL.md explains it for clinic IT):
;   C:\Program Files\rls-kiosk\                 the program; replaced on every upgrade
;   C:\ProgramData\rls-kiosk\kiosk.toml         settings; kept, content_dir added if missing
;   C:\ProgramData\rls-kiosk\content\           the content staff edit; copied once, then kept
;   C:\ProgramData\rls-kiosk\                   engagement data, logs, heartbeat; kept
; ProgramData\rls-kiosk (and kiosk.toml, which holds the staff PIN's hash) is open to the kiosk
; account (modify), Administrators and SYSTEM only: see RestrictDataFolder below.
; Auto-start: a Task Scheduler task "RLS kiosk" runs `rls-kiosk-w.exe supervise` when the
; kiosk account logs on; the supervisor restarts the kiosk after a crash or freeze.
;
; Silent install: rls-kiosk-<version>-setup.exe /VERYSILENT /KIOSKUSER=kiosk
; Exit code 10 (TaskFailedExitCode): installed, but the logon task could not be created, so the
; kiosk will not start by itself; the log (/LOG=file) has schtasks' exit code.
; Exit code 11 (FolderFailedExitCode): installed, but the data folder's permissions could not be
; set (every local account may still read the PIN's hash); the log has icacls' exit codes.
; Exit code 12 (BothFailedExitCode): both of these.
; Silent uninstall keeping data: unins000.exe /VERYSILENT; deleting it too: add /PURGE

#define AppVersion "0.1.0"
#define Bundle "..\..\dist\rls-kiosk"
#define TaskName "RLS kiosk"
#define DataDir "{commonappdata}\rls-kiosk"

[Setup]
AppId={{66F3CDF1-B784-4FFD-84A6-92C4AF55CAE0}
AppName=RLS waiting-room kiosk
AppVersion={#AppVersion}
AppPublisher=rls-kiosk
DefaultDirName={autopf}\rls-kiosk
DefaultGroupName=RLS kiosk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=rls-kiosk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\rls-kiosk.exe
; The running kiosk is stopped in PrepareToInstall below; no Restart Manager dialog.
CloseApplications=no

[Tasks]
Name: "autostart"; Description: "Start the kiosk when the kiosk account logs on"
Name: "quieterrors"; Description: "Never show Windows error dialogs (recommended on a dedicated kiosk PC)"

[Dirs]
; No Permissions here: kiosk.toml in this folder holds the staff PIN's hash (a 4-digit PIN's hash
; is cracked offline in minutes), so RestrictDataFolder below gives the folder to the kiosk
; account, Administrators and SYSTEM only, as the Linux installer does (0660). The kiosk
; replaces the file on save, so the folder's inherited permissions are what count.
Name: "{#DataDir}"; Flags: uninsneveruninstall

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Bundle}\_internal\content\*"; DestDir: "{#DataDir}\content"; Flags: recursesubdirs createallsubdirs uninsneveruninstall; Check: SiteContentMissing
Source: "..\..\INSTALL.md"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An upgrade replaces the whole program folder: no file of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Kiosk health check"; Filename: "{cmd}"; Parameters: "/k ""{app}\rls-kiosk.exe"" doctor"
Name: "{group}\Set the staff PIN"; Filename: "{app}\rls-kiosk.exe"; Parameters: "set-pin"
Name: "{group}\Start the kiosk"; Filename: "{app}\rls-kiosk-w.exe"; Parameters: "supervise"
Name: "{group}\Installation guide"; Filename: "{app}\INSTALL.md"

[Registry]
; Windows Error Reporting: no "has stopped working" dialog waiting for a click on a screen
; nobody watches (the kiosk also calls SetErrorMode(SEM_NOGPFAULTERRORBOX) for itself).
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting"; ValueType: dword; ValueName: "DontShowUI"; ValueData: "1"; Tasks: quieterrors; Flags: uninsdeletevalue

[Run]
; The logon task (CreateLogonTask) and the data folder's permissions (RestrictDataFolder) are
; set in [Code] below, which checks the exit codes of schtasks and icacls.
Filename: "{cmd}"; Parameters: "/k ""{app}\rls-kiosk.exe"" doctor"; Description: "Run the kiosk health check now"; Flags: postinstall skipifsilent unchecked

[UninstallRun]
; The supervisor starts the kiosk as rls-kiosk-w.exe too, so /IM stops both (no /T needed).
Filename: "{sys}\taskkill.exe"; Parameters: "/F /IM rls-kiosk-w.exe"; Flags: runhidden; RunOnceId: "StopKiosk"
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""{#TaskName}"""; Flags: runhidden; RunOnceId: "DeleteTask"

[Code]
const
  TaskFailedExitCode = 10;
  FolderFailedExitCode = 11;
  BothFailedExitCode = 12;
  { Well-known SIDs, the same in every Windows language (BUILTIN\Usuarios on Spanish Windows). }
  SidSystem = '*S-1-5-18';
  SidAdministrators = '*S-1-5-32-544';
  SidUsers = '*S-1-5-32-545';
  SidEveryone = '*S-1-1-0';
  SidAuthenticatedUsers = '*S-1-5-11';
  SidInteractive = '*S-1-5-4';

var
  UserPage: TInputQueryWizardPage;
  ContentWasMissing: Boolean;
  TaskFailed: Boolean;
  FolderFailed: Boolean;

function SettingsFile(): String;
begin
  Result := ExpandConstant('{#DataDir}\kiosk.toml');
end;

procedure InitializeWizard();
begin
  ContentWasMissing := not DirExists(ExpandConstant('{#DataDir}\content'));
  UserPage := CreateInputQueryPage(wpSelectTasks, 'Kiosk account',
    'Which Windows account shows the kiosk?',
    'The kiosk runs as this account: only it, administrators and the system may open ' +
    ExpandConstant('{#DataDir}') + ' (the settings hold the staff PIN''s hash), and the ' +
    'kiosk starts when it logs on if that task is ticked. Use a standard (not ' +
    'administrator) account that logs on automatically; INSTALL.md shows how.');
  UserPage.Add('Account name:', False);
  UserPage.Values[0] := ExpandConstant('{param:KIOSKUSER|kiosk}');
end;

function KioskUser(Param: String): String;
begin
  Result := Trim(UserPage.Values[0]);
end;

{ Decided once, before any file is copied: staff content is copied only on a first install. }
function SiteContentMissing(): Boolean;
begin
  Result := ContentWasMissing;
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  { An upgrade: stop the running kiosk and its supervisor so their files can be replaced
    (code 128: none was running). }
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /IM rls-kiosk-w.exe', '', SW_HIDE,
       ewWaitUntilTerminated, Code);
  Log(Format('Stopping a running kiosk: taskkill exited with code %d', [Code]));
  Result := '';
end;

{ Settings are kept; only content_dir is added (as the first line) when it is missing. }
procedure WriteSettings();
var
  Text: AnsiString;
  Line: String;
begin
  Line := 'content_dir = ''' + ExpandConstant('{#DataDir}\content') + '''' + #13#10;
  if not FileExists(SettingsFile()) then
    SaveStringToFile(SettingsFile(),
      '# RLS kiosk settings (INSTALL.md and README.md list every key). Written by setup.' + #13#10 +
      Line, False)
  else if LoadStringFromFile(SettingsFile(), Text) and (Pos('content_dir', Text) = 0) then
    SaveStringToFile(SettingsFile(), Line + Text, False);
end;

{ The logon task that starts the kiosk. A task that cannot be created means a kiosk that never
  starts by itself, so it is never passed over in silence: a message when interactive, and in
  the log and setup's exit code (TaskFailedExitCode) when silent. }
procedure CreateLogonTask();
var
  Params: String;
  Code: Integer;
begin
  WizardForm.StatusLabel.Caption := 'Creating the logon task...';
  Params := '/Create /F /TN "{#TaskName}" /SC ONLOGON /RU "' + KioskUser('') +
    '" /IT /RL LIMITED /TR "\"' + ExpandConstant('{app}\rls-kiosk-w.exe') + '\" supervise"';
  if not Exec(ExpandConstant('{sys}\schtasks.exe'), Params, '', SW_HIDE,
              ewWaitUntilTerminated, Code) then
  begin
    Log(Format('Logon task: schtasks could not be started (%s)', [SysErrorMessage(Code)]));
    if Code = 0 then
      Code := -1;
  end
  else
    Log(Format('Logon task: schtasks %s exited with code %d', [Params, Code]));
  if Code = 0 then
    exit;
  TaskFailed := True;
  Log('Logon task NOT created: the kiosk will not start by itself when ' + KioskUser('') +
    ' logs on. Check that the account exists, then run setup again.');
  if not WizardSilent() then
    MsgBox('The logon task "{#TaskName}" could not be created (schtasks exit code ' +
      IntToStr(Code) + '), so the kiosk will NOT start by itself when the account "' +
      KioskUser('') + '" logs on.' + #13#10 + #13#10 +
      'Check that this Windows account exists, then run setup again. ' +
      '"Kiosk health check" in the Start menu shows whether the task exists.',
      mbError, MB_OK);
end;

{ Runs icacls with Params; its exit code goes to the log. True when it succeeded. }
function Icacls(Params: String): Boolean;
var
  Code: Integer;
begin
  if not Exec(ExpandConstant('{sys}\icacls.exe'), Params, '', SW_HIDE,
              ewWaitUntilTerminated, Code) then
  begin
    Log('Data folder permissions: icacls could not be started (' + SysErrorMessage(Code) +
      ')');
    Result := False;
  end
  else
  begin
    Log(Format('Data folder permissions: icacls %s exited with code %d', [Params, Code]));
    Result := Code = 0;
  end;
end;

{ The data folder holds kiosk.toml with the staff PIN's hash: only the kiosk account (modify: it
  writes its database, logs, heartbeat and lockout file there), Administrators and SYSTEM may
  open it. 1: nothing inherited from ProgramData (where Users may read), the three grants, for
  the folder and everything in it (OI)(CI); an account icacls cannot find fails here.
  2: grants an older setup gave (users-modify) or someone added to every local account go.
  3: kiosk.toml (and kiosk.toml.bak) carry only what they inherit from the folder. Run again
  on every install, so an upgrade or a repair re-applies it; a failure is never passed over in
  silence (the log, a message, setup's exit code). }
procedure RestrictDataFolder();
var
  Folder: String;
begin
  WizardForm.StatusLabel.Caption := 'Setting the data folder''s permissions...';
  Folder := ExpandConstant('{#DataDir}');
  FolderFailed := not Icacls('"' + Folder + '" /inheritance:r /grant:r "' + SidSystem +
    ':(OI)(CI)F" "' + SidAdministrators + ':(OI)(CI)F" "' + KioskUser('') + ':(OI)(CI)M"');
  if not FolderFailed then
    FolderFailed := not Icacls('"' + Folder + '" /remove:g ' + SidUsers + ' ' + SidEveryone +
      ' ' + SidAuthenticatedUsers + ' ' + SidInteractive);
  if not FolderFailed then
    FolderFailed := not Icacls('"' + SettingsFile() + '*" /reset');
  if not FolderFailed then
    exit;
  Log('Data folder permissions NOT set: every local account may be able to read ' +
    SettingsFile() + ', which holds the staff PIN''s hash. Check that the account ' +
    KioskUser('') + ' exists, then run setup again.');
  if not WizardSilent() then
    MsgBox('The permissions of ' + Folder + ' could not be set, so every local account may ' +
      'be able to read the staff PIN''s hash in ' + SettingsFile() + '.' + #13#10 + #13#10 +
      'Check that the Windows account "' + KioskUser('') + '" exists, then run setup again. ' +
      'INSTALL.md shows how to check the folder with icacls.', mbError, MB_OK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    WriteSettings();
    RestrictDataFolder();
    if WizardIsTaskSelected('autostart') then
      CreateLogonTask();
  end;
end;

{ Silent installs report a logon task that could not be created, and data folder permissions
  that could not be set, through the exit code. }
function GetCustomSetupExitCode(): Integer;
begin
  if TaskFailed and FolderFailed then
    Result := BothFailedExitCode
  else if TaskFailed then
    Result := TaskFailedExitCode
  else if FolderFailed then
    Result := FolderFailedExitCode
  else
    Result := 0;
end;

function HasSwitch(Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Purge: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if UninstallSilent() then
    Purge := HasSwitch('/PURGE')
  else
    Purge := MsgBox('Also delete the settings, the content staff edited and the engagement ' +
      'data in ' + ExpandConstant('{#DataDir}') + '?', mbConfirmation,
      MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Purge then
    DelTree(ExpandConstant('{#DataDir}'), True, True, True);
end;

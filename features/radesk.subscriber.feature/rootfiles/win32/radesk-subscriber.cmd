@echo off
rem Starts RA Desk (subscriber edition) with Equinox's launcher jar (no native launcher on Maven Central).
setlocal
set "HERE=%~dp0"
set "JAVA=%HERE%jre\bin\java.exe"
if not exist "%JAVA%" set "JAVA=java"
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%f"
if "%RADESK_WORKSPACE%"=="" set "RADESK_WORKSPACE=%APPDATA%\RA Desk\subscriber-workspace"
:start
"%JAVA%" -Dosgi.requiredJavaVersion=21 -jar "%LAUNCHER%" -data "%RADESK_WORKSPACE%" %*
if %ERRORLEVEL%==23 goto start
endlocal

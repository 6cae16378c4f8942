<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US" sourcelanguage="en">
<context>
    <name>Attract</name>
    <message>
        <source>Touch anywhere to start</source>
        <translation>Toque la pantalla para empezar</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Normal text size</source>
        <translation>Letra normal</translation>
    </message>
    <message>
        <source>Large text size</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Largest text size</source>
        <translation>Letra más grande</translation>
    </message>
    <message>
        <source>About this information</source>
        <translation>Sobre esta información</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Light text on a black background. Tap again for the usual colors.</source>
        <translation>Texto claro sobre fondo negro. Toque otra vez para volver a los colores de siempre.</translation>
    </message>
    <message>
        <source>General information, not a diagnosis. Talk to your care team.</source>
        <translation>Información general, no un diagnóstico. Hable con su equipo de salud.</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Restless legs: what helps</source>
        <translation>Piernas inquietas: qué ayuda</translation>
    </message>
    <message>
        <source>Tap a topic to read about it.</source>
        <translation>Toque un tema para leer sobre él.</translation>
    </message>
    <message>
        <source>Quick quiz</source>
        <translation>Prueba rápida</translation>
    </message>
    <message>
        <source>Test what you know</source>
        <translation>Vea cuánto sabe</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>Idle</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Tap anywhere to keep reading.</source>
        <translation>Toque la pantalla para seguir leyendo.</translation>
    </message>
    <message numerus="yes">
        <source>Starting over in %n seconds</source>
        <translation>
            <numerusform>Volverá al inicio en %n segundo</numerusform>
            <numerusform>Volverá al inicio en %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>Right</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Not quite</source>
        <translation>No exactamente</translation>
    </message>
    <message>
        <source>Right answer</source>
        <translation>Respuesta correcta</translation>
    </message>
    <message>
        <source>Listen: read the question and answers aloud</source>
        <translation>Escuchar: leer la pregunta y las respuestas en voz alta</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>See my score</source>
        <translation>Ver mi resultado</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Siguiente pregunta</translation>
    </message>
    <message>
        <source>Wonderful! You got every question right.</source>
        <translation>¡Excelente! Contestó bien todas las preguntas.</translation>
    </message>
    <message>
        <source>Well done! You already know a lot about restless legs.</source>
        <translation>¡Muy bien! Ya sabe mucho sobre las piernas inquietas.</translation>
    </message>
    <message>
        <source>Good effort! Every question you try helps you learn more.</source>
        <translation>¡Buen intento! Cada pregunta que contesta le ayuda a aprender más.</translation>
    </message>
    <message>
        <source>Thank you for taking the quiz! Learning about restless legs is a great first step.</source>
        <translation>¡Gracias por hacer la prueba! Aprender sobre las piernas inquietas es un gran primer paso.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Try again with new questions</source>
        <translation>Intentar de nuevo con otras preguntas</translation>
    </message>
    <message>
        <source>Read more about the ones you missed:</source>
        <translation>Lea más sobre las que no acertó:</translation>
    </message>
    <message>
        <source>Questions? Ask our staff. We are happy to help.</source>
        <translation>¿Tiene preguntas? Pregunte a nuestro personal. Con gusto le ayudamos.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>You got %1 out of %n questions right.</source>
        <translation>
            <numerusform>Contestó bien %1 de %n pregunta.</numerusform>
            <numerusform>Contestó bien %1 de %n preguntas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read about it: %1</source>
        <translation>Lea sobre esto: %1</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Home: all topics</source>
        <translation>Inicio: todos los temas</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Detener la lectura en voz alta</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Escuchar</translation>
    </message>
    <message>
        <source>Listen: read this page aloud</source>
        <translation>Escuchar: leer esta página en voz alta</translation>
    </message>
    <message>
        <source>Scan with your phone camera</source>
        <translation>Escanee con la cámara de su teléfono</translation>
    </message>
    <message>
        <source>Keep my list</source>
        <translation>Llevar mi lista</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Reviewed by %1, %2</source>
        <translation>Revisado por %1, %2</translation>
    </message>
    <message>
        <source>Keep my list: show the items you ticked as a QR code</source>
        <translation>Llevar mi lista: mostrar lo que marcó como código QR</translation>
    </message>
    <message>
        <source>Keep these points</source>
        <translation>Llevar estos puntos</translation>
    </message>
    <message>
        <source>Keep these points: show them as a QR code</source>
        <translation>Llevar estos puntos: mostrarlos como código QR</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>More below</source>
        <translation>Más abajo</translation>
    </message>
    <message>
        <source>More below: show the rest of the page</source>
        <translation>Más abajo: mostrar el resto de la página</translation>
    </message>
    <message>
        <source>Next topic</source>
        <translation>Siguiente tema</translation>
    </message>
    <message>
        <source>Next topic: %1</source>
        <translation>Siguiente tema: %1</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <source>This topic is not in your language yet, so it is shown in %1.</source>
        <translation>Este tema todavía no está en su idioma, por eso se muestra en %1.</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type the staff PIN, then OK.</source>
        <translation>Escriba el PIN del personal y toque Aceptar.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks for %1.</source>
        <translation>
            <numerusform>PIN incorrecto. Le queda %n intento antes de que el teclado se bloquee por %1.</numerusform>
            <numerusform>PIN incorrecto. Le quedan %n intentos antes de que el teclado se bloquee por %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad is blocked until clinic IT sets the PIN again.</source>
        <translation>
            <numerusform>PIN incorrecto. Le queda %n intento antes de que el teclado quede bloqueado hasta que el personal de informática vuelva a configurar el PIN.</numerusform>
            <numerusform>PIN incorrecto. Le quedan %n intentos antes de que el teclado quede bloqueado hasta que el personal de informática vuelva a configurar el PIN.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the PIN...</source>
        <translation>Comprobando el PIN...</translation>
    </message>
    <message>
        <source>Too many wrong PINs (%2 since the last right one). Try again in %1.</source>
        <translation>Demasiados PIN incorrectos (%2 desde el último correcto). Vuelva a intentarlo en %1.</translation>
    </message>
    <message>
        <source>The pad is blocked after %1 wrong PINs. Clinic IT can set the PIN again with this command:
rls-kiosk set-pin</source>
        <translation>El teclado está bloqueado tras %1 PIN incorrectos. El personal de informática puede volver a configurar el PIN con este comando:
rls-kiosk set-pin</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. Clinic IT can set one with this command:
rls-kiosk set-pin</source>
        <translation>Este quiosco no tiene PIN del personal. El servicio informático de la clínica puede fijarlo con esta orden:
rls-kiosk set-pin</translation>
    </message>
    <message>
        <source>The stored staff PIN (staff_pin_hash in the settings file) is damaged. Clinic IT can set it again with this command:
rls-kiosk set-pin</source>
        <translation>El PIN del personal guardado (staff_pin_hash en el archivo de configuración) está dañado. El servicio informático de la clínica puede fijarlo de nuevo con esta orden:
rls-kiosk set-pin</translation>
    </message>
    <message>
        <source>Reload content now</source>
        <translation>Volver a cargar el contenido ahora</translation>
    </message>
    <message>
        <source>Content last loaded at %1 on %2.</source>
        <translation>Contenido cargado por última vez a las %1 del %2.</translation>
    </message>
    <message>
        <source>Nothing could be shown from that load, so the kiosk still shows the content it had before.</source>
        <translation>No se pudo mostrar nada de esa carga, así que el quiosco sigue mostrando el contenido que tenía.</translation>
    </message>
    <message>
        <source>%1 still holds the example clinic's details, which patients see. Change these lines: %2.</source>
        <translation>%1 todavía tiene los datos de la clínica de ejemplo, que ven los pacientes. Cambie estas líneas: %2.</translation>
    </message>
    <message>
        <source>Content folder: %1</source>
        <translation>Carpeta del contenido: %1</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>%1: no topics - this language is not offered</source>
        <translation>%1: sin temas; este idioma no se ofrece</translation>
    </message>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>%n tema</numerusform>
            <numerusform>%n temas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quiz questions</source>
        <translation>
            <numerusform>%n pregunta de la prueba</numerusform>
            <numerusform>%n preguntas de la prueba</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n topics await a clinician&apos;s review (%1 in all): patients see no &quot;Reviewed by&quot; line until reviewed_by and review_date are set.</source>
        <translation>
            <numerusform>%n tema espera la revisión de un profesional de salud (%1 en total): los pacientes no ven la línea &quot;Revisado por&quot; hasta que se llenen reviewed_by y review_date.</numerusform>
            <numerusform>%n temas esperan la revisión de un profesional de salud (%1 en total): los pacientes no ven la línea &quot;Revisado por&quot; hasta que se llenen reviewed_by y review_date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes (nothing to do)</source>
        <translation>
            <numerusform>%n nota (nada que hacer)</numerusform>
            <numerusform>%n notas (nada que hacer)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (files or parts with an error are not shown), %2, %3</source>
        <translation>%1 (los archivos o partes con un error no se muestran), %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more. Run `rls-kiosk validate` to see them all.</source>
        <translation>
            <numerusform>... y %n más. Ejecute `rls-kiosk validate` para verlos todos.</numerusform>
            <numerusform>... y %n más. Ejecute `rls-kiosk validate` para verlos todos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every topic names the clinician who reviewed it.</source>
        <translation>Cada tema nombra al profesional de salud que lo revisó.</translation>
    </message>
    <message>
        <source>No problems found in the content files.</source>
        <translation>No se encontraron problemas en los archivos del contenido.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Median visit</source>
        <translation>Duración mediana</translation>
    </message>
    <message>
        <source>Quizzes finished</source>
        <translation>Pruebas terminadas</translation>
    </message>
    <message>
        <source>Quiz answers right</source>
        <translation>Respuestas correctas</translation>
    </message>
    <message>
        <source>fewer than %1</source>
        <translation>menos de %1</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>visitas</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>respuestas</translation>
    </message>
    <message>
        <source>an hour or more</source>
        <translation>una hora o más</translation>
    </message>
    <message numerus="yes">
        <source>under %n seconds</source>
        <translation>
            <numerusform>menos de %n segundo</numerusform>
            <numerusform>menos de %n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>under %n minutes</source>
        <translation>
            <numerusform>menos de %n minuto</numerusform>
            <numerusform>menos de %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>not shown (%1)</source>
        <translation>no se muestra (%1)</translation>
    </message>
    <message>
        <source>Visits by hour today</source>
        <translation>Visitas de hoy por hora</translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation>Visitas por día</translation>
    </message>
    <message>
        <source>Dashed bars: %1 (exact number hidden).</source>
        <translation>Barras con borde discontinuo: %1 (no se muestra la cifra exacta).</translation>
    </message>
    <message>
        <source>No visits in this period yet</source>
        <translation>Todavía no hay visitas en este periodo</translation>
    </message>
    <message>
        <source>Topics opened (visits)</source>
        <translation>Temas abiertos (visitas)</translation>
    </message>
    <message>
        <source>No topics opened in this period</source>
        <translation>No se abrió ningún tema en este periodo</translation>
    </message>
    <message>
        <source>Damaged records left out (a value of the wrong type or out of range): %1. Everything else is counted.</source>
        <translation>Registros dañados que se dejaron fuera (un valor de tipo equivocado o fuera de rango): %1. Todo lo demás se cuenta.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>%1 to %2. Counts from 1 to 4 are shown as &quot;fewer than 5&quot;, as in the printed report.</source>
        <translation>Del %1 al %2. Los recuentos de 1 a 4 se muestran como &quot;menos de 5&quot;, igual que en el informe impreso.</translation>
    </message>
    <message>
        <source>%1 is not there any more (was the drive unplugged?). Plug it in again and choose it from the list.</source>
        <translation>%1 ya no está disponible (¿se desconectó la memoria?). Vuelva a conectarla y elíjala de la lista.</translation>
    </message>
    <message>
        <source>%1 went away before the report was saved (was the drive unplugged?). Plug it in again and save once more.</source>
        <translation>%1 dejó de estar disponible antes de guardar el informe (¿se desconectó la memoria?). Vuelva a conectarla y guarde otra vez.</translation>
    </message>
    <message>
        <source>The report could not be saved in %1 (%2). Try another drive.</source>
        <translation>No se pudo guardar el informe en %1 (%2). Pruebe con otra memoria.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: the report page and %n tables for a spreadsheet, in %1.</source>
        <translation>
            <numerusform>Guardado: la página del informe y %n tabla para una hoja de cálculo, en %1.</numerusform>
            <numerusform>Guardado: la página del informe y %n tablas para una hoja de cálculo, en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Plug in a USB drive, choose the period, then tap where the report should go. It is a page to open in any web browser, and tables for a spreadsheet.</source>
        <translation>Conecte una memoria USB, elija el periodo y toque dónde guardar el informe. Es una página que se abre en cualquier navegador, y tablas para una hoja de cálculo.</translation>
    </message>
    <message>
        <source>Look for drives again</source>
        <translation>Buscar memorias de nuevo</translation>
    </message>
    <message>
        <source>No USB drive found.</source>
        <translation>No se encontró ninguna memoria USB.</translation>
    </message>
    <message>
        <source>Save on USB drive &quot;%1&quot;</source>
        <translation>Guardar en la memoria USB &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Save in the kiosk&apos;s data folder</source>
        <translation>Guardar en la carpeta de datos del quiosco</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>Panel del personal</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Volver al quiosco</translation>
    </message>
    <message>
        <source>Ask &quot;Still there?&quot; after no touch for</source>
        <translation>Preguntar &quot;¿Sigue ahí?&quot; tras este tiempo sin tocar</translation>
    </message>
    <message>
        <source>Languages offered</source>
        <translation>Idiomas ofrecidos</translation>
    </message>
    <message>
        <source>Text size for each new visitor</source>
        <translation>Tamaño del texto para cada visitante</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Muy grande</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Se ofrece</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Oculta</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>At least one language must stay on.</source>
        <translation>Al menos un idioma debe quedar activado.</translation>
    </message>
    <message>
        <source>Saved. The kiosk uses these settings from now on.</source>
        <translation>Guardado. El quiosco usa esta configuración a partir de ahora.</translation>
    </message>
    <message>
        <source>Last crash</source>
        <translation>Último fallo</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Este quiosco</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <source>Closes the kiosk program and shows the computer&apos;s desktop. To start the kiosk again, restart the computer.</source>
        <translation>Cierra el programa del quiosco y muestra el escritorio del ordenador. Para volver a iniciar el quiosco, reinicie el ordenador.</translation>
    </message>
    <message>
        <source>Exit kiosk...</source>
        <translation>Salir del quiosco...</translation>
    </message>
    <message>
        <source>Really close the kiosk?</source>
        <translation>¿Cerrar de verdad el quiosco?</translation>
    </message>
    <message>
        <source>Yes, exit the kiosk</source>
        <translation>Sí, salir del quiosco</translation>
    </message>
    <message>
        <source>No, keep it running</source>
        <translation>No, dejarlo funcionando</translation>
    </message>
    <message>
        <source>No crash recorded.</source>
        <translation>No hay ningún fallo registrado.</translation>
    </message>
    <message>
        <source>%1: %2 (the kiosk restarted itself).</source>
        <translation>%1: %2 (el quiosco se reinició solo).</translation>
    </message>
    <message>
        <source>Visits are not recorded on this kiosk.</source>
        <translation>Este quiosco no registra las visitas.</translation>
    </message>
    <message>
        <source>Wrong PINs typed before this login: %1. The pad locks after every 5, longer each time, and is blocked after 100.</source>
        <translation>PIN incorrectos escritos antes de este inicio de sesión: %1. El teclado se bloquea tras cada 5, cada vez por más tiempo, y queda bloqueado del todo tras 100.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Archivo de configuración: %1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Carpeta de datos: %1</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Archivo de registro: %1</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Goes back to the kiosk by itself after %1 without a touch.</source>
        <translation>Vuelve solo al quiosco tras %1 sin tocar la pantalla.</translation>
    </message>
    <message>
        <source>Reading the content folder...</source>
        <translation>Leyendo la carpeta del contenido...</translation>
    </message>
    <message>
        <source>No content could be read from %1, so the kiosk keeps showing what it had. Check the folder (or the network share), then reload again.</source>
        <translation>No se pudo leer ningún contenido de %1, así que el quiosco sigue mostrando el que tenía. Revise la carpeta (o la carpeta compartida de red) y vuelva a cargar.</translation>
    </message>
    <message numerus="yes">
        <source>%n languages</source>
        <translation>
            <numerusform>%n idioma</numerusform>
            <numerusform>%n idiomas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message>
        <source>Reloaded: %1, %2, %3, %4.</source>
        <translation>Contenido cargado: %1, %2, %3, %4.</translation>
    </message>
    <message>
        <source>Starting.</source>
        <translation>Iniciando.</translation>
    </message>
    <message>
        <source>Recording visits.</source>
        <translation>Se están registrando las visitas.</translation>
    </message>
    <message>
        <source>Events are kept in memory only.</source>
        <translation>Los eventos solo se guardan en la memoria del programa, no en el disco.</translation>
    </message>
    <message>
        <source>The database is busy: another program is using it. Visits are kept in memory and written as soon as it is free.</source>
        <translation>La base de datos está ocupada: otro programa la está usando. Las visitas se guardan en memoria y se escriben en cuanto quede libre.</translation>
    </message>
    <message>
        <source>Database was damaged and moved aside to %1; a new one was started.</source>
        <translation>La base de datos estaba dañada y se movió a %1; se empezó una nueva.</translation>
    </message>
    <message>
        <source>Shared reports</source>
        <translation>Informes compartidos</translation>
    </message>
    <message>
        <source>Write a snapshot now</source>
        <translation>Escribir una copia ahora</translation>
    </message>
    <message>
        <source>This kiosk&apos;s visits stay on this computer (share_dir is not set in the settings file).</source>
        <translation>Las visitas de este quiosco se quedan en este ordenador (share_dir no está en el archivo de ajustes).</translation>
    </message>
    <message>
        <source>No snapshot in %1 yet. The kiosk writes one a day.</source>
        <translation>Todavía no hay copia en %1. El quiosco escribe una al día.</translation>
    </message>
    <message>
        <source>Last snapshot written %1 to %2.</source>
        <translation>Última copia escrita el %1 en %2.</translation>
    </message>
    <message>
        <source>Writing the snapshot...</source>
        <translation>Escribiendo la copia...</translation>
    </message>
    <message>
        <source>Snapshot written.</source>
        <translation>Copia escrita.</translation>
    </message>
    <message>
        <source>The snapshot could not be written: %1</source>
        <translation>No se pudo escribir la copia: %1</translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Volver a la página</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Teléfono: %1</translation>
    </message>
    <message>
        <source>Your list</source>
        <translation>Su lista</translation>
    </message>
    <message>
        <source>Scan with your phone camera: the items you ticked and our phone number, as text. Nothing is saved.</source>
        <translation>Escanee con la cámara de su teléfono: lo que marcó y nuestro teléfono, como texto. No se guarda nada.</translation>
    </message>
    <message>
        <source>Points to keep</source>
        <translation>Puntos para llevar</translation>
    </message>
    <message>
        <source>Scan with your phone camera: these points and our phone number, as text. Nothing is saved.</source>
        <translation>Escanee con la cámara de su teléfono: estos puntos y nuestro teléfono, como texto. No se guarda nada.</translation>
    </message>
    <message>
        <source>Only the first %1 of the %2 items fit in one code.</source>
        <translation>Solo caben en un código los primeros %1 de %2 elementos.</translation>
    </message>
</context>
<context>
    <name>Updating</name>
    <message>
        <source>Information is being updated</source>
        <translation>La información se está actualizando</translation>
    </message>
    <message>
        <source>Please ask our staff if you have questions. Thank you for your patience.</source>
        <translation>Si tiene preguntas, pregunte a nuestro personal. Gracias por su paciencia.</translation>
    </message>
</context>
</TS>

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
    <message>
        <source>Starting over in %1 seconds</source>
        <translation>Volverá al inicio en %1 segundos</translation>
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
    <message>
        <source>You got %1 out of %2 questions right.</source>
        <translation>Contestó bien %1 de %2 preguntas.</translation>
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
        <source>Last reviewed:</source>
        <translation>Última revisión:</translation>
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

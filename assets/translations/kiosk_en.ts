<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Idle</name>
    <message numerus="yes">
        <source>Starting over in %n seconds</source>
        <translation>
            <numerusform>Starting over in %n second</numerusform>
            <numerusform>Starting over in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message numerus="yes">
        <source>You got %1 out of %n questions right.</source>
        <translation>
            <numerusform>You got %1 out of %n question right.</numerusform>
            <numerusform>You got %1 out of %n questions right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message numerus="yes">
        <source>%n topics</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quiz questions</source>
        <translation>
            <numerusform>%n quiz question</numerusform>
            <numerusform>%n quiz questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topics await a clinician&apos;s review (%1 in all): patients see no &quot;Reviewed by&quot; line until reviewed_by and review_date are set.</source>
        <translation>
            <numerusform>%n topic awaits a clinician&apos;s review (%1 in all): patients see no &quot;Reviewed by&quot; line until reviewed_by and review_date are set.</numerusform>
            <numerusform>%n topics await a clinician&apos;s review (%1 in all): patients see no &quot;Reviewed by&quot; line until reviewed_by and review_date are set.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes (nothing to do)</source>
        <translation>
            <numerusform>%n note (nothing to do)</numerusform>
            <numerusform>%n notes (nothing to do)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more. Run `rls-kiosk validate` to see them all.</source>
        <translation>
            <numerusform>... and %n more. Run `rls-kiosk validate` to see them all.</numerusform>
            <numerusform>... and %n more. Run `rls-kiosk validate` to see them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: the report page and %n tables for a spreadsheet, in %1.</source>
        <translation>
            <numerusform>Saved: the report page and %n table for a spreadsheet, in %1.</numerusform>
            <numerusform>Saved: the report page and %n tables for a spreadsheet, in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n languages</source>
        <translation>
            <numerusform>%n language</numerusform>
            <numerusform>%n languages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks for %1.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before the pad locks for %1.</numerusform>
            <numerusform>Wrong PIN. %n more tries before the pad locks for %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad is blocked until clinic IT sets the PIN again.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before the pad is blocked until clinic IT sets the PIN again.</numerusform>
            <numerusform>Wrong PIN. %n more tries before the pad is blocked until clinic IT sets the PIN again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>under %n seconds</source>
        <translation>
            <numerusform>under %n second</numerusform>
            <numerusform>under %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>under %n minutes</source>
        <translation>
            <numerusform>under %n minute</numerusform>
            <numerusform>under %n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>

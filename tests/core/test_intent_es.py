"""What Spanish speakers type, read as our topics: each topic's phrasings, its near misses, news.

Spanish from Spain and Latin America, tú, vos and usted, with and without accents, typos and chat
abbreviations. A Spanish speaker's book is the Spanish lists plus the English ones: the English
phrasings must read as they do with the English book alone.
"""

from __future__ import annotations

import pytest

from followup.core.company_mentions import named_company
from followup.core.intent import OfferQuestion, Topic, news_outcome, offer_question, understand
from followup.core.model import Outcome
from followup.core.phrase_lists import phrasebook_for
from tests.core import test_intent as english
from tests.support.intent_tables import (
    asked_rows,
    check_near_miss,
    check_news_lists_are_long_enough,
    check_ordinary,
    check_unsaid_news,
    near_rows,
    outcome_rows,
)

BOOK = phrasebook_for("es")

ASKED: dict[Topic, list[str]] = {
    Topic.CHASE: [
        "¿Ya les escribo?", "¿Debería hacer seguimiento?", "¿Puedo escribirles ya?",
        "¿Es muy pronto para escribirles?", "¿Cuándo debería hacer seguimiento?",
        "¿Llamo a la reclutadora?", "deberia escribirles?", "¿Les mando un correo?",
        "¿Es buen momento para hacer seguimiento?", "¿Le doy seguimiento a Acme?",
        "¿Cuánto tiempo debo esperar para escribirles?", "¿Cuántos días espero antes de escribir?",
        "no me han contestado, ¿qué hago?", "no me contestan, ¿les escribo?",
        "¿Vuelvo a escribirles?", "¿Debería contactarlos de nuevo?", "¿Puedo llamarlos mañana?",
        "¿Insisto?", "¿Les doy un toque?", "¿Sería muy pesado escribirles otra vez?",
        "¿Parezco desesperado si les escribo hoy?", "¿Mando un recordatorio?",
        "¿Es demasiado pronto para llamar?", "deberia escribirles ya",
        "¿Puedo preguntarles cómo va el proceso?", "¿Debería pedirles novedades?",
        "¿Es normal escribirles después de una semana?",
        "¿Ya puedo contactar a la reclutadora?", "¿Debo mandarles otro correo?",
        "¿Cuándo les escribo?", "ya pasó una semana, ¿puedo escribirles?",
        "¿me pongo en contacto con ellos?", "¿escribo a Globex hoy?",
        "¿Debería escribirle al entrevistador?", "tengo que hacer seguimiento?",
        "¿les hago seguimiento?", "Hola! ¿ya es hora de escribirles?", "¿vale la pena escribirles?",
        "¿conviene llamarlos?", "deberia hacerles seguimiento o es muy pronto",
        "ya les escribí una vez, ¿insisto?", "¿Es de mala educación escribirles otra vez?",
        "¿Está bien si les escribo hoy?", "¿Es hora de hacer seguimiento?", "dbería escribirles?",
        "¿Deberia hacer seguimeinto?", "¿Cuándo hago el seguimiento?",
        "me ghostearon, ¿les escribo?",
        "¿Qué tal si les escribo mañana?", "q hago, les escribo?", "¿Puedo escribirles hoy, porfa?",
        "¿Debería volver a llamar?", "¿Le escribo de nuevo a la de RRHH?",
        "¿Cuánto hay que esperar para hacer seguimiento?", "¿Puedo mandarles un mail?",
        "¿Hago seguimiento ya o espero?", "¿Debo escribirles o es muy pronto?",
        "¿usted cree que debería escribirles?", "¿Vos decís que les escriba ya? ¿O los llamo?",
        "¿Parecería muy insistente si les escribo?",
        "¿Y si les escribo para preguntar cómo va?", "¿Les escribo otro correo?",
        "¿Puedo enviarles un email hoy?", "¿Me recomiendas hacer seguimiento?",
    ],
    Topic.NEWS: [
        "¡Me dieron el trabajo!", "me llamaron", "me rechazaron", "¡Me ofrecieron el puesto!",
        "no me eligieron", "me dijeron que no", "me retiré del proceso",
        "¡pasé a la siguiente fase!", "tengo una segunda entrevista", "me contestaron por fin",
        "me escribió la reclutadora", "me contrataron 🎉", "fui seleccionada!!",
        "rechacé la oferta", "acepté otra oferta", "me invitaron a una segunda entrevista",
        "quieren volver a verme", "recibí un correo de rechazo", "eligieron a otro candidato",
        "me han hecho una oferta", "me mandaron la oferta", "ya tengo respuesta de Acme",
        "tengo noticias", "me llamó la de RRHH", "me respondieron el correo",
        "por fin me contestó la reclutadora", "decidieron seguir con otros candidatos",
        "me descartaron 😞", "conseguí el puesto", "quedé finalista",
        "me convocaron a la entrevista final", "me llegó el rechazo",
        "Acme me hizo una oferta", "me pasaron a la siguiente fase", "me han contratado!!",
        "no pasé a la siguiente fase", "ya no me interesa, me bajé del proceso",
    ],
    Topic.THANK_YOU: [
        "¿Debería mandar un correo de agradecimiento?", "¿Les mando un agradecimiento?",
        "¿Cómo escribo una nota de agradecimiento?", "¿Es necesario agradecerles?",
        "¿Debo dar las gracias después de la entrevista?", "¿Le doy las gracias a la reclutadora?",
        "¿Es muy tarde para agradecerles?", "correo de agradecimiento?",
        "¿Qué pongo en el correo de agradecimiento?", "¿Cuándo mando el agradecimiento?",
        "¿Les agradezco por correo o por LinkedIn?", "¿Tengo que agradecer a cada entrevistador?",
        "¿Me ayudas con un mensaje de agradecimiento?", "¿Es raro mandar un agradecimiento?",
        "¿Debería agradecerle al entrevistador?", "¿Les escribo para agradecer?",
        "¿Hace falta un mail de agradecimiento?", "¿Se manda un agradecimiento después de una "
        "entrevista por teléfono?", "¿Puedes redactar un email de agradecimiento?",
        "¿Debo enviar las gracias hoy o mañana?", "¿Cómo agradezco sin parecer pesado?",
        "¿mando una tarjeta de agradecimiento?", "¿deberia agradeserles?",
        "¿Es apropiado darles las gracias por WhatsApp?", "¿Qué tan largo debe ser el "
        "agradecimiento?", "¿Le agradezco también a RRHH?", "¿mando thank you email?",
        "plantilla de correo de agradecimiento porfa",
        "¿Cómo digo gracias después de la entrevista?",
        "¿Es mala idea no mandar agradecimiento?", "¿Hay que agradecer después de la segunda "
        "entrevista?", "¿Debería mandarles un gracias por correo?",
    ],
    Topic.RECRUITER_CALL: [
        "¿Qué le digo a la reclutadora cuando me llame?", "¿Qué le cuento al reclutador?",
        "La reclutadora me va a llamar, ¿qué le digo?", "¿Cómo le doy feedback a la agencia?",
        "¿Qué digo en la llamada de feedback?", "la consultora me llama mañana, ¿qué le digo?",
        "¿Debo ser sincero con el reclutador?", "¿cuánto le cuento a la headhunter?",
        "¿Qué me va a preguntar el reclutador?", "¿Qué quiere saber la reclutadora?",
        "¿Cómo me preparo para la llamada con la reclutadora?",
        "tengo llamada con el recruiter en una hora, ¿qué le digo?",
        "¿Le digo a la reclutadora que no me gustó?", "¿Qué comento en la llamada con RRHH?",
        "¿Qué le respondo a la de RRHH cuando me llame?",
        "¿Cómo doy mi feedback a la reclutadora?",
        "me pidió feedback la reclutadora, ¿qué le digo?",
        "¿Qué menciono en la llamada con la agencia?", "¿Cómo manejo la llamada de feedback?",
        "¿Qué le cuento a la consultora sobre la entrevista?",
        "¿Soy honesto con la reclutadora si me fue mal?", "¿Qué le digo al headhunter?",
        "¿Qué digo cuando llamen de la agencia?", "¿Qué le digo a mi reclutadora?",
        "¿Cuánto le digo al reclutador de mis dudas?", "que le digo al reclutador",
        "¿Qué le cuento a la reclutadora de la entrevista?",
        "¿Debo hablar con el reclutador de mis dudas?", "¿Qué decir en la llamada con la agencia?",
        "¿Cómo preparo la llamada de devolución con la consultora?",
        "la reclutadora quiere feedback, ¿qué le digo?",
        "¿qué le digo a la reclutadora si la entrevista fue mal?",
        "¿Qué le contesto a la agencia cuando pregunte cómo me fue?",
    ],
    Topic.GHOSTED: [
        "me ghostearon", "me hicieron ghosting", "no me han contestado", "ya van dos semanas",
        "no me contestan", "hace tres semanas que no sé nada", "silencio total",
        "nunca me contestaron", "me dejaron en visto", "sigo sin noticias de Acme",
        "no me han dicho nada", "han pasado dos semanas y nada", "desaparecieron",
        "no me llamaron nunca", "se olvidaron de mí 😩", "sigo esperando respuesta",
        "ni siquiera un no", "llevo tres semanas esperando", "nada todavía de la agencia",
        "no he sabido nada de ellos", "sin respuesta desde la entrevista", "¿Me ghostearon?",
        "ya pasó una semana y no me dicen nada", "dejaron de contestarme", "todavía nada",
        "no me respondieron el correo de seguimiento", "nadie me contestó", "me ignoran",
        "pasaron tres semanas, ¿es normal?", "¿es normal que no me contesten en 10 días?",
        "no tengo noticias de Globex", "no hay respuesta de la empresa", "ni un correo",
        "no se han comunicado conmigo", "se los tragó la tierra", "silencio absoluto desde el "
        "lunes", "ya van 3 semanas sin respuesta", "todavía no me han dicho nada",
    ],
    Topic.WHAT_NOW: [
        "¿Y ahora qué?", "¿qué hago?", "¿Qué debo hacer?", "¿Qué sigue?", "¿Cuál es el siguiente "
        "paso?", "¿Qué hago ahora?", "¿Qué me recomiendas?", "no sé qué hacer",
        "¿Qué harías tú?", "¿Algún consejo?", "¿Cuáles son los próximos pasos?", "y ahora q",
        "¿Qué puedo hacer?", "q hago", "¿Qué toca ahora?", "¿Qué me sugieres?",
        "¿Qué harías en mi lugar?", "ni idea de qué hacer", "¿Hay algo que pueda hacer?",
        "¿Cómo procedo?", "¿Cuál es el plan?", "¿Qué hacer ahora?", "estoy perdida, ¿qué hago?",
        "¿Qué opciones tengo?", "¿Debo hacer algo?", "¿Qué más puedo hacer?", "ahora qué",
        "¿Qué viene ahora?", "¿Qué debería hacer?", "k hago", "¿Algún tip?",
        "¿y ahora qué hago?", "siguientes pasos?", "¿Qué me aconsejas?", "¿Me das un consejo?",
        "¿Me ayudas a decidir?", "¿Qué se hace en estos casos?",
    ],
    Topic.OFFER: [
        "¿Cómo respondo a la oferta?", "¿Cómo negocio el salario?", "¿Debería aceptar la oferta?",
        "me dieron el trabajo, ¿cómo negocio?", "¿Puedo pedir más tiempo para decidir?",
        "¿Es normal negociar el sueldo?", "¿Acepto la oferta o espero?", "¿Cómo rechazo la "
        "oferta con educación?", "¿Debo pedir la oferta por escrito?", "¿Puedo hacer una "
        "contraoferta?", "me ofrecieron 40k, ¿es razonable?", "¿Cuánto tiempo tengo para "
        "responder a la oferta?", "¿Acepto de inmediato?", "¿Cómo pido más dinero?",
        "¿Negocio la fecha de incorporación?", "¿Firmo el contrato ya?", "¿Es justa la oferta?",
        "me hicieron una oferta verbal, ¿qué hago?", "¿Cómo acepto el puesto?",
        "¿Qué le digo sobre la oferta?", "¿Me conviene aceptar?", "¿Es negociable el sueldo?",
        "¿Cómo contesto la oferta?", "¿Debería pedir un aumento en la oferta?",
        "¿Puedo pedir teletrabajo en la negociación?", "¿Tomo la oferta?",
        "¿Cómo le digo que no a la oferta?", "tengo oferta de Acme, ¿cómo la respondo?",
        "¿Debería esperar la carta oferta antes de aceptar?", "¿cómo negociar el salario?",
        "¿Pido más pasta?", "me dieron hasta el viernes, ¿qué hago?",
        "¿Es normal que me den solo dos días para pensarlo?", "¿Puedo negociar el bonus?",
        "¿Acepto o negocio?", "¿Cómo le digo que tengo otra oferta?", "¿Les digo que sí ya?",
        "¿Cómo pido que me den una semana para pensarlo?",
    ],
    Topic.CALL_INSTEAD: [
        "¿Puedo llamar en vez de escribir?", "¿Es mejor llamar o mandar un correo?",
        "¿Los llamo o les escribo?", "¿Llamar o email?", "¿Mejor llamo en lugar de escribir?",
        "¿Les llamo por teléfono en vez de mandar un correo?", "¿Llamo o mando un mail?",
        "¿Es más personal llamar?", "¿Hago seguimiento por teléfono?",
        "¿Llamada o correo?", "¿Debería llamarlos en lugar de escribirles?",
        "¿Correo o llamada?", "¿Es mejor llamar que escribir?", "¿llamo en vez de mandar mail?",
        "¿Puedo llamar a la reclutadora en vez de escribirle?", "¿Llamarles o escribirles?",
        "¿es raro llamar en vez de mandar correo?", "¿Email o llamada?",
        "¿Sería mejor una llamada que un correo?", "¿llamo o mando whatsapp?",
        "¿Los llamo por teléfono?", "¿Llamada vs email?", "¿Mejor llamar?",
        "¿Puedo llamarles en lugar de mandar otro correo?", "¿Es mejor llamar por teléfono?",
        "¿Telefoneo en lugar de escribir?", "¿les llamo en vez de esperar el correo?",
        "¿Mando un mail o los llamo?", "¿Escribo o llamo?", "¿Llamo en lugar de escribir?",
    ],
    Topic.LINKEDIN: [
        "¿Debería agregarlos en LinkedIn?", "¿Los agrego en LinkedIn?",
        "¿Mando solicitud de conexión al entrevistador?", "¿Conecto con la reclutadora en "
        "LinkedIn?", "¿Es raro agregar al entrevistador en linkedin?", "¿LinkedIn?",
        "¿Le escribo por LinkedIn?", "¿Puedo conectar con el gerente en LinkedIn?",
        "¿Debería seguir a la empresa en LinkedIn?", "¿Es muy pronto para agregarlos en "
        "Linkedin?", "¿Qué pongo en la nota de LinkedIn?", "¿Acepto su invitación de LinkedIn?",
        "¿mando invitación por linkedin?", "¿Es apropiado conectar con el CEO en LinkedIn?",
        "¿Le hablo por linkedin al entrevistador?", "¿conectar con ellos en linked in?",
        "¿Agrego al panel en LinkedIn?", "¿Hago seguimiento por LinkedIn?",
        "¿debería conectarme con el equipo en linkedin?", "¿linkedin o correo?",
        "¿Le doy like a sus publicaciones en LinkedIn?", "¿Es pesado escribirle por LinkedIn?",
        "¿Puedo mandarle un mensaje por LinkedIn a la reclutadora?",
        "¿conecto con el entrevistador?", "¿Añado a la reclutadora en LinkedIn?",
        "¿Solicitud de conexión con nota o sin nota?", "¿Sigo al entrevistador en LinkedIn?",
        "¿está bien conectar en linkedin después de la entrevista?", "¿Lo agrego en LinkedIn?",
        "¿Linkdin sí o no?",
    ],
}  # fmt: skip

NEAR: dict[Topic, list[tuple[str, Topic | None]]] = {
    Topic.CHASE: [
        ("les escribí la semana pasada", None), ("me llamaron ayer", Topic.NEWS),
        ("me llamo Ana", None), ("llamé a mi madre", None), ("la reclutadora me llamó", Topic.NEWS),
        ("¿Debería mandar un correo de agradecimiento?", Topic.THANK_YOU),
        ("¿Debería aceptar la oferta?", Topic.OFFER), ("¿Cómo negocio el salario?", Topic.OFFER),
        ("¿Cuándo me llamaron?", None), ("La reclutadora me va a llamar mañana", None),
        ("¿Cómo registro una entrevista?", None), ("¿Puedo cambiar mi zona horaria?", None),
        ("mandé el correo de agradecimiento", None),
        ("¿Puedo llamar en vez de escribir?", Topic.CALL_INSTEAD),
        ("¿Les escribo por LinkedIn?", Topic.LINKEDIN), ("me ghostearon", Topic.GHOSTED),
        ("todavía no me contestan", Topic.GHOSTED), ("les escribí el lunes", None),
        ("¿Qué le digo a la reclutadora cuando me llame?", Topic.RECRUITER_CALL),
        ("ya les escribí dos veces", None), ("dijeron que me llamarían el viernes", None),
        ("¿Puedo preguntarte algo?", None), ("escribo desde el móvil", None),
        ("¿Me ayudas a escribir un correo a mi casero?", None),
        ("les mandé un correo ayer", None), ("los llamé esta mañana", None),
        ("mi contacto en Acme es Laura", None), ("¿Me llamo Ana, me ayudas?", None),
        ("contactar a la reclutadora fue fácil", None), ("¿Puedo borrar mis datos?", None),
    ],
    Topic.NEWS: [
        ("no me han contestado todavía", Topic.GHOSTED),
        ("no he sabido nada de ellos", Topic.GHOSTED),
        ("¿Cuándo me van a llamar?", None), ("¿Debería escribirles ya?", Topic.CHASE),
        ("tuve una entrevista", None), ("ojalá me den el trabajo", None),
        ("¿y si me rechazan?", None), ("nunca me llamaron", Topic.GHOSTED),
        ("sigo esperando respuesta", Topic.GHOSTED), ("nadie me contestó", Topic.GHOSTED),
        ("¿Cómo me preparo para la segunda entrevista?", None),
        ("me dieron el trabajo, ¿cómo negocio el sueldo?", Topic.OFFER),
        ("¿Debería retirarme?", None), ("tengo miedo de que me rechacen", None),
        ("todavía no me han dicho nada", Topic.GHOSTED), ("me dijeron que me llamarían", None),
        ("si me llaman, ¿qué les digo?", None),
        ("¿Mando un agradecimiento después de la segunda entrevista?", Topic.THANK_YOU),
        ("espero que me contraten", None), ("creo que me van a rechazar", None),
        ("cuando me llamen te cuento", None), ("a ver si me ofrecen el puesto", None),
        ("mi amiga consiguió el trabajo", None), ("espero pasar a la siguiente fase", None),
        ("tengo una duda sobre la segunda entrevista", None),
        ("vi una oferta de trabajo en LinkedIn", None), ("¿hay noticias de Acme?", None),
        ("ojalá me llamen mañana", None), ("seguro que me rechazan", None),
        ("si me ofrecen el puesto lo acepto", None),
    ],
    Topic.THANK_YOU: [
        ("¡gracias!", None), ("muchas gracias", None), ("gracias por la ayuda", None),
        ("mandé el correo de agradecimiento", None),
        ("ya mandé el agradecimiento, ¿y ahora qué?", Topic.WHAT_NOW),
        ("gracias, ¿ya les escribo?", Topic.CHASE), ("¡gracias! ¿y ahora qué?", Topic.WHAT_NOW),
        ("mil gracias", None), ("gracias por el recordatorio", None),
        ("gracias por el consejo, chao", None),
        ("gracias, ¿puedo hacer seguimiento ya?", Topic.CHASE),
        ("me agradecieron por venir", None), ("le di las gracias en persona", None),
        ("gracias, entendido", None), ("te agradezco la ayuda", None),
        ("esta noche mando el agradecimiento", None), ("¿cómo puedo agradecerte?", None),
        ("les agradecí al final de la entrevista", None),
        ("gracias, ¿qué le digo a la reclutadora?", Topic.RECRUITER_CALL),
        ("gracias!! me dieron el trabajo", Topic.NEWS),
        ("gracias, ¿qué hago ahora?", Topic.WHAT_NOW),
        ("gracias por todo 🙏", None), ("¿me das las gracias?", None),
        ("gracias, ¿debería aceptar la oferta?", Topic.OFFER), ("mil gracias, ya está", None),
        ("agradecida por tu ayuda", None), ("gracias por tu tiempo", None),
        ("ok gracias", None), ("vale, gracias", None), ("gracias, les llamo mañana", None),
    ],
    Topic.RECRUITER_CALL: [
        ("¿Debería llamar a la reclutadora ya?", Topic.CHASE),
        ("la reclutadora me llamó", Topic.NEWS), ("La reclutadora me va a llamar mañana", None),
        ("¿Llamo a la reclutadora?", Topic.CHASE),
        ("¿Puedo llamar a la reclutadora en vez de escribirle?", Topic.CALL_INSTEAD),
        ("le di mi feedback a la reclutadora", None), ("la agencia me llamó", Topic.NEWS),
        ("¿Debería contactar a la reclutadora?", Topic.CHASE), ("mi reclutadora es Laura", None),
        ("¿Qué pongo en el correo de agradecimiento?", Topic.THANK_YOU),
        ("ya llamé a la reclutadora", None), ("reclutadora", None), ("Laura de Hays", None),
        ("la reclutadora fue muy amable", None),
        ("¿Conecto con la reclutadora en LinkedIn?", Topic.LINKEDIN),
        ("la reclutadora me llamó con una oferta, ¿la acepto?", Topic.OFFER),
        ("la llamada fue corta", None), ("tengo la llamada a las 4", None),
        ("me dieron feedback de la entrevista", None), ("feedback", None),
        ("la agencia se llama Hays", None), ("el recruiter se llama Tom", None),
        ("la reclutadora me dijo que me llamaría el viernes", None),
        ("la consultora es muy buena", None), ("¿La agencia cobra algo?", None),
        ("hablé con la reclutadora ayer", None), ("¿Cómo se llama la reclutadora?", None),
        ("me llamó el reclutador", Topic.NEWS), ("la llamada con RRHH fue bien", None),
        ("¿Puedo ver mis notas de la llamada?", None),
    ],
    Topic.GHOSTED: [
        ("me llamaron", Topic.NEWS), ("me rechazaron después de semanas de silencio", Topic.NEWS),
        ("no me han contestado, ¿qué hago?", Topic.CHASE),
        ("no me contestan, ¿les escribo?", Topic.CHASE), ("¿Debería escribirles ya?", Topic.CHASE),
        ("ha sido un día largo", None), ("estuve callado en la entrevista", None),
        ("me contestaron después de dos semanas", Topic.NEWS),
        ("tuve la entrevista hace dos semanas", None), ("la entrevista es en dos semanas", None),
        ("¿y ahora qué?", Topic.WHAT_NOW), ("por fin me contestaron", Topic.NEWS),
        ("me ghostearon, ¿les escribo?", Topic.CHASE), ("hace una semana", None),
        ("¿Es normal el silencio después de 3 días? ¿les escribo?", Topic.CHASE),
        ("todavía no", None), ("aún no les escribí", None), ("no sé", None),
        ("la oficina era muy silenciosa", None), ("en la entrevista había silencio", None),
        ("el proceso dura varias semanas", None), ("van a tardar semanas en decidir", None),
        ("me siento ignorado por mi jefe actual", None), ("no sé nada de salarios", Topic.OFFER),
        ("mis notas ya no aparecen", None), ("me dejaron esperando 20 minutos en recepción", None),
        ("tengo la segunda entrevista en tres semanas", None), ("ni idea", None),
        ("estoy esperando el autobús", None), ("no tengo tiempo hoy", None),
    ],
    Topic.WHAT_NOW: [
        ("me rechazaron, ¿y ahora qué?", Topic.NEWS),
        ("no me han contestado, ¿qué hago?", Topic.CHASE),
        ("¿Qué me pongo para la entrevista?", None), ("¿Qué tiempo hace?", None),
        ("¿Qué puedes hacer?", None), ("¿Qué hora es en Madrid?", None), ("¿Qué dijeron?", None),
        ("¿Qué le digo a la reclutadora cuando me llame?", Topic.RECRUITER_CALL),
        ("me ofrecieron el trabajo, ¿qué hago?", Topic.OFFER),
        ("ya van tres semanas, ¿y ahora qué?", Topic.GHOSTED),
        ("¿Qué pongo en el correo de agradecimiento?", Topic.THANK_YOU), ("¿Cómo me llamo?", None),
        ("¿Qué es este bot?", None), ("siguiente", None), ("ahora", None), ("qué", None),
        ("ahora estoy en casa", None), ("¿Qué tal?", None), ("¿qué onda?", None),
        ("y ahora me voy a dormir", None), ("el siguiente paso fue una prueba técnica", None),
        ("¿Qué dice la oferta de trabajo?", None),
        ("¿Qué haces?", None), ("¿qué hiciste hoy?", None), ("hago lo que puedo", None),
        ("qué bien", None), ("qué nervios", None), ("qué pena", None),
        ("¿Qué día es hoy?", None), ("¿Qué le pasa a la app?", None),
    ],
    Topic.OFFER: [
        ("¡Me dieron el trabajo!", Topic.NEWS), ("me ofrecieron el puesto", Topic.NEWS),
        ("acepté la oferta 🎉", Topic.NEWS), ("¿Debería escribirles ya?", Topic.CHASE),
        ("rechacé la oferta", Topic.NEWS), ("me hicieron una oferta verbal hoy", Topic.NEWS),
        ("¿El silencio es mala señal?", Topic.GHOSTED), ("me dijeron que no", Topic.NEWS),
        ("¿Les doy unos días más?", None), ("ojalá me hagan una oferta", None),
        ("hablamos del salario en la entrevista", None), ("el sueldo es de 30k", None),
        ("¿y ahora qué?", Topic.WHAT_NOW), ("¿Espero unos días para escribirles?", Topic.CHASE),
        ("vi una oferta de trabajo en LinkedIn, ¿les escribo?", Topic.CHASE),
        ("me preguntaron mis expectativas salariales", None),
        ("la oferta de trabajo decía remoto", None), ("me encanta la empresa", None),
        ("el contrato de mi piso vence en marzo", None), ("¿Qué es una prima?", None),
        ("tengo un buen presentimiento", None), ("me gustaría recibir una oferta", None),
        ("hay muchas ofertas de trabajo en InfoJobs", None), ("¿me ofreces un consejo?", None),
        ("estoy pensando en la entrevista", None), ("me pagan poco en mi trabajo actual", None),
        ("¿Qué tal la oferta del día?", None), ("hablamos de beneficios", None),
        ("el paquete llegó hoy", None), ("ofrecen teletrabajo", None),
    ],
    Topic.CALL_INSTEAD: [
        ("¿Los llamo?", Topic.CHASE), ("¿Es muy pronto para llamar?", Topic.CHASE),
        ("¿Llamo o espero?", Topic.CHASE), ("¿Debería llamar a la reclutadora ya?", Topic.CHASE),
        ("¿Le escribo al gerente en vez de a la reclutadora?", Topic.CHASE),
        ("prefiero no escribirles", None), ("me llamaron en vez de escribirme", Topic.NEWS),
        ("los llamé en vez de escribir", None),
        ("¿Qué le digo cuando me llamen?", Topic.RECRUITER_CALL), ("prefiero esperar", None),
        ("teléfono", None), ("prefieren el correo", None), ("llámame luego", None),
        ("¿Mando el agradecimiento por correo o a mano?", Topic.THANK_YOU),
        ("mi teléfono se quedó sin batería", None), ("la entrevista fue por teléfono", None),
        ("me llamo Ana", None), ("tengo una llamada a las 3", None), ("llamada perdida", None),
        ("la llamada fue en vez del correo", None), ("mejor que nada", None),
        ("¿Me llamas tú?", None), ("¿Puedes llamarme?", None), ("no me gusta llamar", None),
        ("llamé en vez de escribir y no contestaron", Topic.GHOSTED),
        ("¿Cuál es tu teléfono?", None),
        ("el correo o el teléfono de Acme", None), ("¿Tienes el teléfono de la empresa?", None),
        ("¿puedo escribirles en vez de esperar?", Topic.CHASE), ("¿Les escribo?", Topic.CHASE),
    ],
    Topic.LINKEDIN: [
        ("Encontré la oferta en LinkedIn, ¿les escribo?", Topic.CHASE),
        ("vi el puesto en LinkedIn", None), ("LinkedIn", None), ("linkedin está genial", None),
        ("¿Debería escribirles ya?", Topic.CHASE), ("me escribieron por LinkedIn", Topic.NEWS),
        ("la reclutadora me encontró en LinkedIn", None), ("conecté con ella ayer", None),
        ("¿Mando el agradecimiento por LinkedIn?", Topic.THANK_YOU),
        ("apliqué por LinkedIn, ¿hago seguimiento?", Topic.CHASE),
        ("mi LinkedIn está actualizado", None), ("me postulé en LinkedIn", None),
        ("el anuncio estaba en LinkedIn, ¿les llamo?", Topic.CHASE),
        ("tengo 500 contactos en LinkedIn", None), ("me contactaron por LinkedIn", Topic.NEWS),
        ("me ofrecieron el puesto por LinkedIn", Topic.NEWS), ("linkedin premium", None),
        ("publicaron la vacante en LinkedIn", None),
        ("¿Cómo conecto el calendario?", None), ("conectar con la gente fue fácil", None),
        ("la agregué ayer en LinkedIn", None), ("sigo a la empresa en LinkedIn", None),
        ("vi su perfil en LinkedIn", None),
        ("me inscribí por LinkedIn, ¿qué hago?", Topic.WHAT_NOW),
        ("LinkedIn me mandó un aviso", None), ("¿Ya les escribo? apliqué en LinkedIn", Topic.CHASE),
        ("linkedin no funciona", None), ("encontré el trabajo por LinkedIn", None),
        ("la publicación de LinkedIn decía remoto", None),
        ("mi perfil de LinkedIn es nuevo", None), ("¿Conecto el bot a mi calendario?", None),
    ],
}  # fmt: skip

# Ordinary messages: debrief answers, notes, small talk. None of them is one of our topics.
ORDINARY = [
    "hoy tuve una entrevista", "¿qué tiempo hace?", "¿me ayudas?", "hola", "hola?", "buenas",
    "¡gracias!", "la entrevista fue bien", "¿qué puedes hacer?", "quiero cancelar", "¿llueve?",
    "Acme", "Acme S.L.", "Globex", "analista de datos", "Ingeniera de software sénior",
    "ayer a las 15h", "mañana a las 14:00", "el viernes que viene", "sí", "no", "saltar", "bien",
    "genial", "fatal", "las dos", "ninguna", "Laura Gómez", "Conocí a Priya, me preguntó por "
    "escalabilidad", "¿cuánto suele tardar una decisión?", "¿quién era el entrevistador?",
    "estoy nerviosa", "¿puedo ver mis notas?", "la entrevista fue normal, preguntaron SQL y "
    "python", "les gustó mi portafolio", "creo que me fue mal", "me fue bastante bien",
    "Europa/Madrid", "Buenos Aires", "aquí son las 14:05", "/status", "ok", "vale", "👍", "🎉",
    "jajaja", "", "   ", "?", "¡¡¡", "el panel eran tres personas",
    "me preguntaron por qué dejé mi último trabajo", "la oficina era bonita",
    "deciden el viernes", "¿me pongo corbata?", "¿cuándo es mi entrevista?",
    "Conocí a Sam y Alex, hablamos del roadmap", "mi entrevista es el jueves",
    "tengo buena sensación", "me preguntaron mis expectativas salariales",
    "el reclutador se llama Tom", "fue por videollamada", "hablamos de la estructura del equipo",
    "me dijeron que decidirán la semana que viene", "gracias, me ayuda mucho", "chévere",
    "lunes 10am", "conocí a la gerente y a dos ingenieros", "la oficina está en Palermo",
    "¡genial, gracias!", "me avisan el viernes", "tengo procesos en tres empresas",
    "hoy me di de baja por enfermedad", "se me murió el móvil en la entrevista",
    "la entrevista se alargó 30 minutos", "tengo que escribirle a mi casero",
    "¡Gracias por todo!", "mañana tengo la segunda ronda", "panel de 4, dos rondas",
    "la reclutadora parecía maja", "hablamos de teletrabajo",
    "mencionaron que la oferta podría llegar el viernes", "mi correo es ana@example.com",
    "vale gracias, chao", "¿puedo borrar mis datos?", "¿cómo cambio mi zona horaria?",
    "te cuento cómo me va", "el viernes por la tarde", "me llamo Ana", "me llamo Laura García",
    "¿cómo te llamas?", "qué nervios", "estoy muy contenta con la entrevista",
    "¿hablas español?", "no entiendo", "buenos días", "buenas noches", "que tengas buen día",
    "me encantó el equipo", "creo que les caí bien", "la entrevistadora era muy simpática",
    "me hicieron una prueba de inglés", "pregunté por el salario en la entrevista",
    "insistí en mi experiencia con Python", "fue en inglés", "la entrevista duró una hora",
    "tuve la entrevista hace dos semanas", "el proceso tiene tres fases",
]  # fmt: skip

NEWS_OUTCOMES: dict[Outcome, list[str]] = {
    Outcome.OFFER: [
        "¡Me dieron el trabajo!", "me ofrecieron el puesto", "me contrataron", "tengo una oferta",
        "me hicieron una oferta", "me han ofrecido la plaza", "fui seleccionado!!",
        "¡conseguí el curro!", "me dieron la chamba 🎉", "me quieren contratar",
        "Acme me hizo una oferta", "acepté la oferta 🎉", "me llegó la oferta por escrito",
        "me han contratado", "lo conseguí!!", "me dieron el puesto, ¿cómo negocio?",
        "me eligieron a mí", "firmé el contrato", "conseguí el laburo", "quedé seleccionada",
    ],
    Outcome.REJECTED: [
        "me rechazaron", "no me eligieron", "me dijeron que no", "me descartaron 😞",
        "eligieron a otro candidato", "no fui seleccionado", "recibí un correo de rechazo",
        "no me dieron el puesto", "decidieron seguir con otros candidatos",
        "el puesto ya está cubierto", "no pasé a la siguiente fase", "no me cogieron",
        "me han rechazado otra vez", "se decidieron por otra persona", "no quedé seleccionada",
        "contrataron a otro", "no conseguí el trabajo", "fue un no", "me rechazaron después de la "
        "segunda entrevista", "optaron por un candidato interno",
    ],
    Outcome.WITHDREW: [
        "me retiré", "retiré mi candidatura", "me bajé del proceso", "rechacé la oferta",
        "acepté otra oferta", "ya no me interesa", "decliné la oferta", "me salí del proceso",
        "les dije que no", "tomé otro trabajo", "me eché para atrás", "decidí no seguir",
        "me quedé con otra oferta", "abandoné el proceso", "perdí el interés, me retiré",
        "he retirado mi candidatura",
    ],
    Outcome.NEXT_ROUND: [
        "tengo una segunda entrevista", "¡pasé a la siguiente fase!",
        "me invitaron a una segunda entrevista", "quieren volver a verme",
        "me convocaron a la entrevista final", "quedé finalista", "me pasaron a la siguiente "
        "etapa", "me mandaron una prueba técnica", "estoy en la terna", "me citaron de nuevo",
        "me ofrecieron una segunda entrevista", "pasé el primer filtro",
        "me llamaron para otra entrevista", "me agendaron la tercera entrevista",
        "quedé preseleccionada", "avancé a la siguiente ronda",
    ],
}  # fmt: skip
UNSAID_NEWS = [
    "me llamaron", "me llamaron!", "tengo noticias de Acme", "me llamaron esta mañana",
    "me llamó la reclutadora", "me escribieron de Globex", "me contestó la de RRHH",
    "me respondieron el correo", "por fin me contestaron", "recibí un correo de Acme",
    "me acaban de llamar", "ya tengo respuesta",
]  # fmt: skip

# A Spanish sentence with an English name, an English question from a Spanish speaker.
MIXED: list[tuple[str, Topic | None]] = [
    ("¿Debería hacer follow up con Globex?", Topic.CHASE),
    ("¿Les mando un email a Google?", Topic.CHASE),
    ("Amazon me hizo una oferta", Topic.NEWS),
    ("me rechazaron en Microsoft", Topic.NEWS),
    ("should I chase them yet?", Topic.CHASE),
    ("they ghosted me", Topic.GHOSTED),
    ("I got the job!", Topic.NEWS),
    ("what now?", Topic.WHAT_NOW),
    ("¿mando un thank you email?", Topic.THANK_YOU),
    ("¿Cómo hago el follow up?", Topic.CHASE),
    ("me hicieron ghosting en Meta", Topic.GHOSTED),
    ("¿Hago follow-up por LinkedIn?", Topic.LINKEDIN),
    ("the recruiter called", Topic.NEWS),
    ("¿Qué le digo al recruiter?", Topic.RECRUITER_CALL),
    ("got an offer from Initech, ¿cómo negocio?", Topic.OFFER),
]


@pytest.mark.parametrize(("text", "topic"), asked_rows(ASKED))
def test_each_topic_is_recognised_in_many_spanish_phrasings(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(("text", "expected", "topic"), near_rows(NEAR))
def test_near_misses_go_elsewhere(text: str, expected: Topic | None, topic: Topic) -> None:
    check_near_miss(text, expected, topic, BOOK)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_none_of_ours(text: str) -> None:
    check_ordinary(text, BOOK)


def test_every_topic_has_enough_examples_both_ways() -> None:
    for topic in Topic:
        assert len(ASKED[topic]) >= 30, topic
        assert len(NEAR.get(topic, [])) >= 30 or topic is Topic.NEWS, topic
        assert len(NEAR.get(topic, [])) + len(ORDINARY) >= 30, topic


@pytest.mark.parametrize(("text", "outcome"), outcome_rows(NEWS_OUTCOMES))
def test_news_names_its_outcome(text: str, outcome: Outcome) -> None:
    assert news_outcome(text, BOOK) is outcome


@pytest.mark.parametrize("text", UNSAID_NEWS)
def test_news_that_does_not_say_what(text: str) -> None:
    check_unsaid_news(text, BOOK)


def test_news_lists_are_long_enough() -> None:
    check_news_lists_are_long_enough(NEWS_OUTCOMES)


@pytest.mark.parametrize(("text", "topic"), MIXED)
def test_spanish_and_english_mixed(text: str, topic: Topic | None) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("me dieron el trabajo, ¿cómo negocio?", Topic.OFFER),
        ("¡me dieron el trabajo!", Topic.NEWS),
        ("no me contestan, ¿les escribo?", Topic.CHASE),
        ("me ghostearon", Topic.GHOSTED),
        ("¿mando un agradecimiento?", Topic.THANK_YOU),
        ("no me dieron el trabajo", Topic.NEWS),
        ("me rechazaron, ¿y ahora qué?", Topic.NEWS),
        ("ya van tres semanas, ¿y ahora qué?", Topic.GHOSTED),
        ("no me han contestado, ¿y ahora qué?", Topic.CHASE),
        ("tengo segunda entrevista, ¿mando un agradecimiento?", Topic.THANK_YOU),
        ("la reclutadora me llamó con una oferta, ¿qué le digo?", Topic.OFFER),
        ("¿puedo llamar a la reclutadora en vez de escribirle?", Topic.CALL_INSTEAD),
    ],
)
def test_which_topic_wins(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("¿Puedo pedir más tiempo para pensarlo?", OfferQuestion.MORE_TIME),
        ("¿Cuánto tiempo tengo para responder?", OfferQuestion.MORE_TIME),
        ("¿Acepto o pido una prórroga?", OfferQuestion.MORE_TIME),
        ("¿Debo pedir la oferta por escrito?", OfferQuestion.IN_WRITING),
        ("me hicieron una oferta verbal, ¿qué hago?", OfferQuestion.IN_WRITING),
        ("¿Cómo rechazo la oferta?", OfferQuestion.DECLINE),
        ("¿Acepto o la rechazo?", OfferQuestion.DECLINE),
        ("¿Cómo negocio el sueldo?", OfferQuestion.NEGOTIATE),
        ("¿Puedo pedir más dinero?", OfferQuestion.NEGOTIATE),
        ("¿Hago una contraoferta?", OfferQuestion.NEGOTIATE),
        ("¿Cómo acepto la oferta?", OfferQuestion.ACCEPT),
        ("¿Debería aceptarla ya?", OfferQuestion.ACCEPT),
        ("¿Cómo respondo a la oferta?", OfferQuestion.GENERAL),
    ],
)
def test_which_part_of_an_offer_a_spanish_question_is_about(text: str, part: OfferQuestion) -> None:
    assert offer_question(text, BOOK) is part


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Debería escribir a Globex?", (None, "Globex")),
        ("¿Debería escribirle a Acme?", ("Acme Ltd", None)),
        ("¿Hago seguimiento con Initech?", (None, "Initech")),
        ("¿Alguna noticia de Umbrella?", (None, "Umbrella")),
        ("no sé nada de Hooli, ¿qué hago?", (None, "Hooli")),
        ("tengo una entrevista con Wayne Enterprises", (None, "Wayne Enterprises")),
        ("¿Debería escribir a RRHH?", (None, None)),
        ("¿Llamo a la reclutadora?", (None, None)),
        ("¿Debería escribirles a ellos?", (None, None)),
        ("¿Llamo a Sam?", (None, None)),
        ("¿Escribo a Globex el Lunes?", (None, "Globex")),
        ("¿debería escribir a initech?", (None, "initech")),
        ("¿debería escribir a la empresa?", (None, None)),
        ("¿debería escribir a todos?", (None, None)),
    ],
)
def test_a_company_named_in_a_spanish_question(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert named_company(text, ["Acme Ltd"], BOOK, people=["Sam Jones"]) == expected


# The English tables, read with the Spanish speaker's book: nothing Spanish may change them.
@pytest.mark.parametrize(
    ("text", "topic"), [(text, topic) for topic, texts in english.ASKED.items() for text in texts]
)
def test_english_topics_read_the_same_with_the_spanish_book(text: str, topic: Topic) -> None:
    assert understand(text, BOOK) is topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, expected) for pairs in english.NEAR.values() for text, expected in pairs]
    + [(text, None) for text in english.ORDINARY],
)
def test_english_near_misses_read_the_same_with_the_spanish_book(
    text: str, expected: Topic | None
) -> None:
    assert understand(text, BOOK) is expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [(text, outcome) for outcome, texts in english.NEWS_OUTCOMES.items() for text in texts]
    + [(text, None) for text in english.UNSAID_NEWS + english.ORDINARY],
)
def test_english_outcomes_read_the_same_with_the_spanish_book(
    text: str, outcome: Outcome | None
) -> None:
    assert news_outcome(text, BOOK) is outcome


# An opening "¿" starts a sentence, as a full stop ends one.
@pytest.mark.parametrize(
    "text",
    ["Hace una semana de la entrevista, ¿escribo?", "pasaron 5 días ¿llamo?"],
)
def test_an_opening_question_mark_starts_a_question(text: str) -> None:
    assert understand(text, BOOK) is Topic.CHASE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿debería escribir a través de linkedin?", (None, None)),
        ("¿Hago seguimiento con Él?", (None, None)),
        ("¿escribo a Acmé?", ("Acme Ltd", None)),
    ],
)
def test_accented_words_after_a_trigger(text: str, expected: tuple[str | None, str | None]) -> None:
    assert named_company(text, ["Acme Ltd"], BOOK) == expected

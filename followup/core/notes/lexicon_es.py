"""Spanish note words: what is never quoted, how topics and names are written.

Data more than logic, one file per language: each list is what people type after an interview in
that language, and the reader (other_languages.py) is the same for all of them. A list lives next
to its language's patterns, not in one big table, so a speaker of the language can review it
whole. Written with accents; matched with or without them (folding.py).
"""

from __future__ import annotations

from followup.core.notes.folding import folded_pattern, word_pattern, words
from followup.core.notes.words import NoteWords

# Feelings, judgements, complaints, money, gossip and hedges. One hit drops the sentence.
_UNSAFE = words(
    # the user's nerves and how they think it went
    """
    nervi* ansie* ansios* estrés estres* panico pánico miedo* asustad* temblaba* temblé
    en_blanco bloqueé bloqueado* bloqueada* me_bloqueé fatal* desastre* la_pata cagada* cagué
    la_cagué la_lié metí_la_pata fallé fallo fallos fracas* incómod* incomod* vergüenza
    vergonzos* ridícul* torpe* me_fue salió oportunidad* encaj* impresion* impresiona* pinta
    lo_clavé lo_bordé nervioso nerviosa
    """
    # impressions and judgements, good or bad
    """
    sentí sentir* siento sensación* pareci* parec* vibra* rollo grosero* grosera* maleducad*
    borde bordes antipátic* desagradable* horrible* terrible* pésim* malo mala malos malas mal
    peor peores raro rara raros raras extrañ* aburri* desinteresad* distraíd* frío fría fríos
    frías seco seca cortante* despectiv* arrogant* prepotent* soberbi* creíd* condescend*
    paternalis* poco_profesional desorganiz* caos caótic* tarde prisa* apurad* hostil* agresiv*
    tóxic* sospechos* turbi* alarma* preocup* molest* irrit* frustr* enfad* enoj* decepcion*
    triste* odio odia* odié gustó gusta gustan gustaron gustaba gustado encant* disfrut*
    agradable* simpátic* majo* maja* amable* genial* guay* chulo* increíble* estupend*
    fantástic* perfect* excelente* buen bueno* buena* mejor mejores gran grandes feliz contento*
    contenta* emocion* ilusion* cercan* cálid* relajad* tranquil* intens* duro dura duros duras
    difícil* fácil fáciles complicad* brutal* injust* justo justa honest* sincer* al_parecer
    aparente* rumor* chisme* cotille* glassdoor reseña* opinion* interesante* bien
    """
    # overwork, trouble at the company, swearing
    """
    sobrecarg* quemad* burnout horas_extra* renunci* dimit* despid* despedi* echaron recorte*
    rotación se_fue se_van problema* lío líos drama* política* conflict* queja* quej* culpa*
    mentir* mintió mentira* joder jodid* mierda* puta* puto* coño hostia* idiota* imbécil*
    estúpid* tont* broma* chiste* pérdida_de_tiempo inútil*
    """
    # hedges, negation, exaggeration
    """
    ojalá esper* quizá* tal_vez a_lo_mejor igual posiblemente probablemente seguramente creo
    creía pienso pensé supongo imagino dudo duda* no_sé ni_idea confus* poco_claro vago vaga muy
    súper bastante un_poco demasiad* totalmente literalmente básicamente realmente en_realidad
    solo sólo solamente incluso tan tanto* nunca nadie jamás no ni nada ningún ninguna ninguno
    sin tampoco falta* cero evit* esquiv* ignor* barat* tacañ* bajo baja bajos bajas poco poca
    pocos pocas menos locura loco* antiguo* obsolet* viej* lent* atrasad* deuda* roto rotos
    rotas estropead* chapuza* enorme* minúscul* microgestión micromanag* rígid* burocr*
    obligatori* tienen_que hay_que deben debe debería* oí escuché me_dijeron amig* alguien
    reddit linkedin exempleado* ex financ* estabilidad estable estables inestable* beneficio*
    pérdida* ingreso* facturación quiebra sobreviv* podría* puede_que cancel* riesgo* pausa*
    congelad* incertidumbre reorganiz* reestructur* adquiri* fusión* vendid* siempre constante*
    todo_el_rato todo_el_tiempo pasó_algo predecesor* antecesor* el_anterior la_anterior
    sustitu* reemplaz* hombres mujeres diversidad género edad jóvenes mayores raza religión*
    """
    # pay and perks: never raised in a thank-you or a chase
    """
    salari* sueldo* paga* pago* pagar* pagad* pagué retribu* remuner* compensación* bruto* neto*
    dinero* pasta plata pelas lana bonus bono* prima primas acciones stock_options opciones
    presupuesto* aumento* subida* tarifa* precio* coste* costo* ventajas vacacion* días_libres
    pensión* jubilación negocia* negocié negociable oferta* euros dólares pesos mil al_mes
    al_año por_hora
    """
    # perks
    """
    seguro segura seguros coche coches coche_de_empresa cheque* gimnasio guardería
    maternidad paternidad excesiv* anterior anteriores
    """
    # other candidates, and private matters
    """
    candidat* aspirante* competencia visa* visado* permiso_de_trabajo patrocin* embaraz* hijo
    hija hijos hijas niñ* salud enferm* baja_médica discapacidad* familia familias espos* marido
    mujer pareja* novio novia
    """
)
UNSAFE = word_pattern(_UNSAFE)

_LEAD = r"^(?:(?:y|también|luego|después|además|primero|al\s+final|hoy|ya)\s*,?\s+)*"
_ADV = (
    r"(?:(?:también|luego|después|primero|principalmente|sobre\s+todo|brevemente|además|"
    r"en\s+detalle|largo\s+y\s+tendido|un\s+rato)\s+)*"
)
# Who said it: a role ("la CTO") or one or two words the reader checks for a capital.
_WHO = (
    r"(?!(?:me|nos|se|le|les|te|con|y|también|luego|después|además|primero)\s)"
    r"(?P<who>(?:el|la|los|las)\s+[\w-]+|(?![\d_])\w[\w-]*(?:\s+(?![\d_])\w[\w-]*)??)"
)
_ME = r"(?:me\s+|nos\s+)?"
_PREP = r"(?P<prep>acerca\s+del|acerca\s+de|en\s+torno\s+al|en\s+torno\s+a|del|de|sobre)"
_TALK = (
    r"(?:hablamos|hablábamos|habló|hablaron|charlamos|charló|charlaron|conversamos|platicamos|"
    r"comentamos|comentó|comentaron|contó|contaron|explicó|explicaron|estuvimos\s+hablando|"
    r"estuvieron\s+hablando|se\s+habló|se\s+comentó|hablé|charlé|conversé|mencionó|mencionaron|"
    r"informaron|informó)"
)
_SHOW = (
    r"(?:repasamos|revisamos|tratamos|vimos|abordamos|discutimos|comentamos|explicaron|explicó|"
    r"mostraron|mostró|enseñaron|enseñó|presentaron|presentó|describieron|describió|detallaron|"
    r"detalló|se\s+trató|se\s+trataron|se\s+vio|se\s+vieron)"
)

FACTS = (
    ("", folded_pattern(_LEAD + r"(?:" + _WHO + r"\s+)?" + _ME + _ADV + _TALK + r"\s+" + _ADV
                        + _PREP + r"\s*:?\s+(?P<x>.+)$")),
    ("", folded_pattern(_LEAD + r"(?:hablé|hablamos|charlé|charlamos|conversé|conversamos|"
                        r"estuve\s+hablando)\s+con\s+(?P<with>[^,]{1,40}?)\s+" + _PREP
                        + r"\s+(?P<x>.+)$")),
    ("", folded_pattern(_LEAD + r"(?:" + _WHO + r"\s+)?" + _ME + _ADV + _SHOW + r"\s+" + _ADV
                        + r"(?P<x>.+)$")),
    ("", folded_pattern(r"^(?:(?:los\s+)?temas?(?:\s+tratados|\s+principal(?:es)?)?|"
                        r"(?:lo\s+)?(?:hablado|comentado|tratado|visto)|puntos\s+tratados)"
                        r"\s*[:\-–—]\s*(?P<x>.+)$")),
    ("", folded_pattern(r"^(?:el\s+)?tema(?:\s+principal)?\s+(?:fue|era)\s+(?P<x>.+)$")),
    ("", folded_pattern(r"^(?:la\s+)?(?:conversación|charla|reunión|llamada)\s+(?:fue|giró|"
                        r"se\s+centró|trató)\s+(?:(?P<prep>acerca\s+del|acerca\s+de|"
                        r"en\s+torno\s+al|en\s+torno\s+a|sobre|del|de|en)\s+)?(?P<x>.+)$")),
)  # fmt: skip

_WANT = (
    r"(?:(?:tengo\s+que|quiero|quería|me\s+gustaría|necesito|no\s+olvidar|recordar|"
    r"acordarme\s+de|pendiente|para\s+la\s+próxima|la\s+próxima\s+vez)\s*:?\s+)*"
)
ASKS = (
    ("", folded_pattern(_LEAD + _WANT + r"(?:también\s+)?(?:preguntar(?:le|les)?|consultar|"
                        r"averiguar|saber|informarme|enterarme)\s+(?:a\s+(?P<with>[^,]{1,30}?)"
                        r"\s+)?(?:también\s+)?(?:más\s+)?(?P<prep>por|acerca\s+del|"
                        r"acerca\s+de|del|de|sobre)\s+(?P<x>.+)$")),
)  # fmt: skip

NEXT_STEPS = folded_pattern(
    r"(?<!\w)(?:(?:próxim[oa]s?|siguientes?)\s+(?:ronda|fase|etapa|entrevista|pasos?|reunión)|"
    r"(?:segunda|tercera|última)\s+(?:ronda|fase|etapa|entrevista)|(?:ronda|entrevista|fase)\s+"
    r"final|(?:prueba|ejercicio|reto|test)\s+técnic[oa]|caso\s+práctico|prueba\s+para\s+casa|"
    r"(?:me|nos)\s+(?:avisarán|dirán\s+algo|contactarán|llamarán|escribirán|responderán)|"
    r"(?:darán|dan)\s+(?:una\s+)?respuesta|respuesta\s+(?:en|el|la\s+semana)|"
    r"tomarán\s+(?:una\s+)?decisión|decidirán|presencial)(?!\w)"
)

PEOPLE = word_pattern(
    words(
        """
        yo me mí conmigo mi mis mío mía míos mías nosotros nosotras nos nuestro nuestra nuestros
        nuestras ella ellos ellas le les su sus suyo suya suyos suyas tu tus tú te ti contigo
        usted ustedes vosotros vosotras os vuestro* vuestra*
        """
    )
)
CLAUSE = word_pattern(
    words(
        """
        que cómo cuándo dónde quién quiénes cuál cuáles cuánt* por_qué porque si pero aunque
        mientras ya_que para_que es son era eran fue fueron será serán sería está están estaba
        estaban estará hay había habrá tiene tienen tenía tenían tendrá tendrán va van iba iban
        usa usan usaban hace hacen hacía puede pueden podrá trabaja trabajan busca buscan quiere
        quieren necesita necesitan hablamos comentamos
        """
    )
)
NOT_A_FACT = word_pattern(
    words(
        """
        entrevista* entrevistador* experiencia* habilidad* cv currículum curriculum hoja_de_vida
        portafolio* portfolio perfil* nivel senior* junior* seniority pregunta* disponibilidad
        incorporación fecha_de_inicio preaviso puntos_fuertes puntos_débiles debilidad*
        fortaleza* zoom teams videollamada* cámara llamada* oficina* edificio* cocina* comedor*
        escritorio* parking aparcamiento café comida* almuerzo* snacks vestimenta ropa
        dress_code persona personas gente requisito* buscan cosa cosas temas todo toda todos
        todas esto eso aquello mucho muchos muchas varios varias algo general vida tiempo clima
        fútbol
        """
    )
)
ROLES = word_pattern(
    words(
        """
        entrevistador* cto ceo cfo coo vp jefe jefa responsable* director* gerente* manager*
        lead tech_lead team_lead fundador* cofundador* equipo ingenier* desarrollador* panel
        rrhh hr recursos_humanos
        """
    )
)
NOT_INTERVIEWER = word_pattern(
    words("reclut* recruiter* headhunter* agencia* consultor* consultora* cazatalentos")
)

MET = folded_pattern(
    r"(?<!\w)(?:conocí\s+a|me\s+entrevist(?:ó|aron|aba|aban)|(?:entrevistas?|reunión|"
    r"reuniones|llamada|videollamada|ronda|charla|conversación)\s+con|(?:hablé|charlé|estuve|"
    r"me\s+reuní|conversé)\s+con|entrevistador(?:a|es|as)?\s*(?:fue|fueron|era|eran)?\s*"
    r"[:\-–—]?|panel\s*(?:con|de)?\s*[:\-–—]?|estaban|estuvieron)\s*"
)
SAID = folded_pattern(
    r"(?:dijo|comentó|explicó|contó|habló|preguntó|mencionó|presentó|mostró|enseñó|describió|"
    r"(?:me|nos)\s+(?:entrevistó|preguntó|dijo|contó|explicó|habló|mostró|enseñó|presentó))"
)

WORDS = NoteWords(
    language="es",
    unsafe=UNSAFE,
    facts=FACTS,
    asks=ASKS,
    next_steps=NEXT_STEPS,
    people=PEOPLE,
    clause=CLAUSE,
    not_a_fact=NOT_A_FACT,
    subjects=frozenset({"nosotros", "nosotras", "ellos", "ellas", "ella"}),
    roles=ROLES,
    not_interviewer=NOT_INTERVIEWER,
    contractions={"del": "el", "al": "el"},
    lower_first=frozenset(
        words(
            "el la los las un una unos unas este esta estos estas ese esa esos esas todo toda "
            "todos todas cada"
        )
    ),
    met=MET,
    said=SAID,
    titles={
        "sr": "Sr.",
        "sra": "Sra.",
        "srta": "Srta.",
        "dr": "Dr.",
        "dra": "Dra.",
        "don": "Don",
        "dona": "Doña",
        "lic": "Lic.",
        "ing": "Ing.",
    },
    not_names=frozenset(
        words(
            """
            el la los las un una y e o con de del al a en por para hoy ayer mañana luego después
            también primero entrevista equipo entrevistador entrevistadora entrevistadores jefe
            jefa gerente director directora responsable fundador fundadora ingeniero ingeniera
            reclutador reclutadora recursos humanos rrhh lunes martes miércoles jueves viernes
            sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
            noviembre diciembre nosotros ellos ellas ella él me nos todos varios dos tres cuatro
            hablamos conocí hablé estuve charla reunión llamada ronda primera segunda tercera
            """
        )
    ),
    separators=frozenset({"y", "e", "&", "+", "/"}),
    particles=frozenset({"de", "del", "la", "las", "los", "van", "von", "da", "di"}),
    skippable=frozenset({"también", "hoy", "ayer", "primero", "luego", "después", "a", "con"}),
)

"""The Spanish site, written in Spanish from the same source documents (not word for word): the
shared records (goals, facts, policy recommendations) and every visitor page of the English tree
(home, goals, policy, resources, actions, toolkit). Each is created once as a translation of its
English original; what exists is left alone, so seeding twice changes nothing. Press releases
stay English (they can be translated in the admin). Core names pages by slug only, so it imports
no app."""

from collections import defaultdict

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .models import CampaignGoal, CampaignImage, Fact, PolicyRecommendation
from .posters import HOTLINE_SPANISH, draw_poster
from .seed import save_drawing

HOTLINE_ES = (
    "La Línea Nacional contra la Trata de Personas (1-888-373-7888) atiende en español a "
    "cualquier hora; también puede enviar un mensaje de texto al 233733. Si alguien corre "
    "peligro inmediato, llame al 911."
)

GOALS_ES = {
    1: {
        "title": "Dar a conocer el problema",
        "audience": "Toda la gente de Connecticut",
        "summary": "Poner en el centro de la conversación sobre la trata a quienes pagan por "
        "sexo, en las redes sociales, la prensa y la publicidad.",
    },
    2: {
        "title": "Sumar a los líderes locales y estatales",
        "audience": "Líderes locales y estatales",
        "summary": "Que alcaldes, directores de agencias y líderes religiosos y empresariales "
        "se unan para cortar la demanda en sus comunidades.",
    },
    3: {
        "title": "Apoyar a la policía y la fiscalía",
        "audience": "Policía y fiscales",
        "summary": "Respaldar a la policía y a la fiscalía en su trabajo contra la demanda, para "
        "que respondan ante la ley los compradores y no las personas que explotan.",
    },
    4: {
        "title": "Mejorar las leyes",
        "audience": "Legisladores",
        "summary": "Cambiar las leyes y prácticas que dejan sin cargos a los compradores y dar a "
        "los investigadores las herramientas que necesitan.",
    },
}

# Keyed by (figure, English source title), as the English seed finds its facts.
FACTS_ES = {
    "456": "Menores derivados desde 2013 al Departamento de Niños y Familias por su alto "
    "riesgo de caer en la trata sexual.",
    "2,000+": "Compradores que, según el Departamento de Niños y Familias, pagaron en un solo "
    "año por sexo con menores en Connecticut.",
    "0": "Arrestos o condenas por pagar por sexo con una persona menor de 18 años (Sec. "
    "53a-83(c)) desde que en 2013 pasó a ser un delito grave de clase C.",
    "145": "Llamadas desde Connecticut a la línea nacional contra la trata entre enero y "
    "septiembre de 2016, con 41 posibles casos distintos.",
    "40%": "Aumento de los posibles casos de trata denunciados a la línea desde Connecticut en "
    "2016 respecto de 2015.",
    "7 to 1": "Entre 2005 y 2014 hubo muchas más condenas por prostitución que por comprar "
    "sexo: 1841 frente a 269.",
    "80,000+": "Compradores que habría si cada uno de los 456 menores derivados hubiera sido "
    "vendido a un comprador al día durante medio año, el cálculo prudente del informe.",
}
FIGURES_ES = {"7 to 1": "7 a 1", "2,000+": "Más de 2000", "80,000+": "Más de 80 000"}

POLICY_ES = {
    "Add the Department of Education to the Council": (
        "Sumar el Departamento de Educación al Consejo",
        "Ampliar el Consejo para que las escuelas también tengan voz.",
    ),
    "Consider putting trafficking and buying sex from a minor on the sex offender registry": (
        "Estudiar la inscripción en el registro de delincuentes sexuales por trata y por "
        "comprar sexo a menores",
        "Pedir a la subcomisión de la Comisión de Sentencias que valore incluir la trata y el "
        "pago por sexo con menores de 18 años en el registro.",
    ),
    "Cover domestic, travelling sales and farm workers under wage laws": (
        "Proteger con las leyes salariales a trabajadoras del hogar, vendedores ambulantes y "
        "trabajadores agrícolas",
        "Que quien trabaja en casas particulares, en equipos de venta itinerante o en el campo "
        "cuente como empleado a efectos del salario mínimo y las horas extra.",
    ),
    "Find out why no one has been convicted of buying sex from a minor": (
        "Averiguar por qué nadie ha sido condenado por comprar sexo a un menor",
        "Investigar por qué el delito grave de 2013 no ha dado lugar a una sola condena.",
    ),
    "Raise the penalty for buying sex from a minor": (
        "Aumentar la pena por comprar sexo a un menor",
        "Equiparar la pena a la de otros delitos sexuales contra menores.",
    ),
    "Broaden the definition of trafficking in persons": (
        "Ampliar la definición de trata de personas",
        "Incluir a quien capta, oculta, traslada, entrega, obtiene o paga por una persona para "
        "un acto sexual comercial, con penas a la altura del delito.",
    ),
    "Use fines paid by buyers to fund victim services and enforcement": (
        "Destinar las multas de los compradores a las víctimas y a la investigación",
        "Debatir que las multas por delitos de prostitución financien servicios para "
        "sobrevivientes y el trabajo policial.",
    ),
    "Train police, judges, prosecutors and others on trafficking": (
        "Formar sobre la trata a policías, jueces, fiscales y otros profesionales",
        "Debatir una formación obligatoria para policías, jueces, fiscales, defensores, "
        "personal sanitario y docentes.",
    ),
    "Fold buying sex from a car or online into the patronizing statute": (
        "Tratar igual la compra de sexo desde un coche o por internet",
        "Debatir derogar la falta aparte por solicitar sexo desde un vehículo e incluir "
        "vehículos, internet y redes sociales en la Sec. 53a-83.",
    ),
    "Train every hotel and motel employee to spot trafficking": (
        "Formar a todo el personal de hoteles y moteles para detectar la trata",
        "Hoteles, moteles y posadas deben formar a su personal al contratarlo y llevar registro "
        "de las operaciones con huéspedes; Connecticut fue el primer estado en exigirlo.",
    ),
    "Make buying sex from a minor or a trafficking victim a felony": (
        "Hacer delito grave la compra de sexo a un menor o a una víctima de trata",
        "Se reforzó la ley para que pagar por sexo con alguien menor de 18 años o con una "
        "víctima de trata se castigue como delito grave, con multas obligatorias.",
    ),
}

# The votes, oppositions and statute names the English records use, in Spanish.
RECORD_TEXTS_ES = {
    "Approved by the members at the Dec. 15, 2016 meeting and by e-mail vote after it": (
        "Aprobada por los miembros en la reunión del 15 de diciembre de 2016 y por votación "
        "electrónica posterior"
    ),
    "Worked on with state agencies, organisations and lawmakers": (
        "Elaborada junto con agencias del estado, organizaciones y legisladores"
    ),
    "Office of Chief Public Defender opposes": "La Oficina del Defensor Público Jefe se opone",
    "Office of Chief Public Defender opposes; Department of Public Health abstains": (
        "La Oficina del Defensor Público Jefe se opone; el Departamento de Salud Pública se "
        "abstiene"
    ),
    "Minimum wage and overtime laws": "Leyes de salario mínimo y horas extra",
}


def p(*paragraphs: str) -> RichText:
    return RichText("".join(f"<p>{text}</p>" for text in paragraphs))


def action(audience, heading, text, label="", page=None) -> tuple:
    block = {"audience": audience, "heading": heading, "text": p(text), "link_label": label}
    return ("action", {**block, "page": page, "external_url": ""})


# Page fields by the English page's slug. A callable gets the Spanish home page, so that links
# inside the Spanish site stay in Spanish.
PAGES_ES = {
    "home": lambda home: {
        "title": "End Demand CT",
        "seo_title": "End Demand CT: frenar a quienes compran sexo y alimentan la trata",
        "search_description": "La campaña de Connecticut contra la demanda que impulsa la trata "
        "sexual de menores y de personas adultas explotadas.",
        "hero_heading": "Sin compradores no hay trata.",
        "hero_text": "Quienes pagan por sexo son los que mueven la trata sexual en Connecticut. "
        "End Demand CT, la campaña del Consejo estatal contra la Trata de Personas, pone el "
        "foco en esos compradores.",
        "goals_heading": "Nuestros cuatro objetivos",
        "goals_intro": "La campaña del Consejo contra la demanda persigue cuatro fines.",
        "hotline_heading": "Pida ayuda o denuncie",
        "hero_image": spanish_hero_poster(home),
    },
    "raise-public-awareness": lambda home: {
        "slug": "dar-a-conocer",
        "intro": "Casi nunca se habla de quien paga. Queremos que todo Connecticut sepa que son "
        "los compradores los que crean el mercado.",
        "problem": p(
            "Cuando se piensa en la trata sexual se piensa en tratantes y víctimas, y en "
            "lugares lejanos. Pero en Connecticut ocurre aquí, a gente de aquí, y se sostiene "
            "con el dinero de los compradores: sin ellos no existiría este negocio.",
            "El informe del Consejo de 2016 concluyó que los compradores apenas aparecen en el "
            "debate público, y que conocer el problema es el primer paso para prevenirlo.",
        ),
        "actions": [
            action(
                "visitor",
                "Conozca las señales y el número",
                "Guarde en su teléfono el número de la línea nacional y comparta los carteles "
                "de la campaña.",
                "Ver los carteles",
                find(home, "toolkit"),
            ),
            action(
                "leader",
                "Hable de la demanda",
                "Cuando hable de trata, nombre a los compradores y el daño que causan.",
            ),
        ],
    },
    "engage-leaders": lambda home: {
        "slug": "sumar-a-los-lideres",
        "intro": "Alcaldes, directores de agencias, empresas, iglesias y escuelas pueden lograr "
        "que su comunidad no tolere la compra de sexo.",
        "problem": p(
            "La trata no se ve igual en una ciudad, en un pueblo con casino o en el campo. Los "
            "líderes locales conocen su comunidad y pueden reunir a policía, escuelas, "
            "comercios y servicios sociales contra la demanda."
        ),
        "actions": [
            action(
                "leader",
                "Firme el compromiso de los líderes",
                "Comprometa a su oficina u organización a nombrar la demanda y a apoyar el "
                "trabajo contra ella.",
                "Firmar el compromiso",
                find(home, "leaders-pledge"),
            ),
            action(
                "visitor",
                "Pregunte a sus líderes locales",
                "Pregunte a su alcalde qué hace su municipio contra la demanda que alimenta la "
                "trata.",
            ),
        ],
    },
    "support-law-enforcement": lambda home: {
        "slug": "apoyar-a-la-policia",
        "intro": "Quienes compran sexo a menores casi nunca son acusados. Apoyamos a la policía "
        "y a la fiscalía que van tras la demanda.",
        "problem": p(
            "En 2013 Connecticut convirtió en delito grave de clase C pagar por sexo con una "
            "persona menor de 18 años, pero a finales de 2016 nadie había sido arrestado ni "
            "condenado por ello. Gran parte de este comercio se acuerda por internet y ocurre "
            "en hoteles, y para investigarlo hacen falta herramientas y formación."
        ),
        "actions": [
            action(
                "officer",
                "Solicite una formación",
                "Departamentos de policía, hoteles y moteles pueden pedir formación para "
                "reconocer la trata e investigar a los compradores.",
                "Solicitar formación",
                find(home, "request-training"),
            ),
            action("visitor", "Denuncie lo que vea", HOTLINE_ES),
        ],
    },
    "improve-public-policy": lambda home: {
        "slug": "mejorar-las-leyes",
        "intro": "La ley debe tratar la compra de sexo a un menor como el delito grave que es y "
        "dar a los investigadores lo que necesitan.",
        "problem": p(
            "Cada año el Consejo propone cambios a las leyes del estado. Entre sus "
            "recomendaciones de 2016: averiguar por qué el delito grave de 2013 no ha traído "
            "condenas, endurecer su pena y estudiar si quienes son condenados por trata o por "
            "comprar sexo a menores deben figurar en el registro de delincuentes sexuales."
        ),
        "actions": [
            action(
                "lawmaker",
                "Lea las recomendaciones",
                "Cada recomendación, la ley a la que se refiere y en qué punto está.",
                "Ver la página de políticas",
                find(home, "policy"),
            ),
            action(
                "visitor",
                "Escriba a su legislador",
                "Diga a su representante y a su senador estatal que acabar con la demanda le "
                "importa.",
                "Escribir a mi legislador",
                find(home, "tell-your-legislator"),
            ),
        ],
    },
    "policy": lambda home: {
        "title": "Políticas",
        "slug": "politicas",
        "intro": "Cada año el Consejo contra la Trata de Personas presenta recomendaciones a la "
        "Asamblea General. Aquí están todas: la ley a la que se refieren, cómo votó el Consejo "
        "y en qué punto están.",
    },
    "about": lambda home: {
        "title": "Sobre la campaña",
        "slug": "sobre-la-campana",
        "intro": "End Demand CT es la campaña del Consejo de Connecticut contra la Trata de "
        "Personas contra la demanda de sexo comercial que alimenta la trata.",
        "body": [
            (
                "paragraph",
                RichText(
                    "<h2>Por qué la demanda</h2><p>Durante mucho tiempo la culpa de la "
                    "prostitución recayó en las personas vendidas y no en quienes compran. El "
                    "Consejo considera la venta de sexo, y sobre todo la de menores, una forma "
                    "de trata de personas, y quiere cambiar adónde se mira.</p>"
                    "<h2>Quiénes somos</h2><p>El Consejo reúne a agencias del estado, al Poder "
                    "Judicial, a la policía y a organizaciones que acompañan a sobrevivientes "
                    "de violencia sexual y doméstica, a inmigrantes y a refugiados. Cada año "
                    "informa a la Asamblea General.</p>"
                ),
            )
        ],
    },
    "resources": lambda home: {
        "title": "Recursos",
        "slug": "recursos",
        "intro": "Dónde pedir ayuda, cómo denunciar y materiales para descargar.",
        "body": [
            (
                "paragraph",
                RichText(f"<h2>Pida ayuda o denuncie</h2><p>{HOTLINE_ES}</p>"),
            )
        ],
    },
    "toolkit": lambda home: {
        "title": "Materiales de la campaña",
        "slug": "materiales",
        "intro": "Carteles y banners para que las organizaciones aliadas los compartan en sus "
        "sitios y redes.",
    },
    # Action titles are also the header's buttons: short, so they share one row at 1366 px.
    "leaders-pledge": lambda home: {
        "title": "Firme el compromiso",
        "slug": "compromiso-de-lideres",
        "intro": "Alcaldes, directores de agencias, empresas, iglesias y escuelas: comprometan "
        "a su oficina u organización a nombrar a los compradores que impulsan la trata.",
        "body": RichText(
            "<h2>A qué se compromete</h2><ul><li>Hablar de la demanda siempre que su oficina "
            "hable de trata.</li><li>Apoyar a la policía y a la fiscalía locales que persiguen "
            "a los compradores.</li><li>Compartir los materiales de la campaña con la gente a "
            "la que dirige.</li></ul>"
        ),
        "submit_label": "Firmar el compromiso",
        "thank_you_text": RichText(
            "<p>Gracias por firmar. El equipo de la campaña le escribirá con materiales para "
            "compartir.</p>"
        ),
        "form_labels": [
            ("Su nombre", ""),
            ("Su cargo", "Por ejemplo: alcaldesa, jefe de policía, pastor."),
            ("Oficina u organización", ""),
            ("Municipio", ""),
            ("Correo electrónico", "Solo lo usamos para hacer seguimiento de su compromiso."),
            (
                "Me comprometo a ayudar a acabar con la demanda de sexo comercial en mi comunidad",
                "",
            ),
        ],
    },
    "request-training": lambda home: {
        "title": "Pida una formación",
        "slug": "solicitar-formacion",
        "intro": "Hoteles, moteles y departamentos de policía pueden pedir formación para "
        "reconocer la trata e investigar a quienes compran sexo.",
        "body": p(
            "La ley de Connecticut obliga a hoteles, moteles y posadas a formar a su personal "
            "para detectar la trata. La policía puede pedir ayuda con investigaciones centradas "
            "en los compradores. Díganos quién es y qué necesita, y buscaremos una fecha."
        ),
        "submit_label": "Solicitar formación",
        "thank_you_text": p("Gracias. Hemos recibido su solicitud y le contactaremos."),
        "form_labels": [
            ("Tipo de organización", ""),
            ("Nombre de la organización", ""),
            ("Municipio", ""),
            ("Persona de contacto", ""),
            ("Correo electrónico", ""),
            ("Teléfono", "Opcional."),
            ("Número de personas a formar", "Basta con una estimación."),
            ("Qué le ayudaría más", ""),
        ],
    },
    "tell-your-legislator": lambda home: {
        "title": "Escriba a su legislador",
        "slug": "escriba-a-su-legislador",
        "intro": "Su representante y su senador estatal escuchan a quienes los eligen. Una "
        "llamada o un correo breve les muestra que acabar con la demanda importa aquí.",
        "body": RichText(
            "<h2>1. Busque a sus legisladores</h2><p>Encuentre a su representante y a su "
            'senador por su dirección en el <a href="https://www.cga.ct.gov/">sitio de la '
            "Asamblea General de Connecticut</a>.</p><h2>2. Llame o escriba</h2><p>Puede usar "
            "estas palabras o las suyas:</p><ul><li>Vivo en su distrito y me importa acabar "
            "con la trata sexual en Connecticut.</li><li>Desde 2013 comprar sexo a un menor es "
            "delito grave aquí, pero a finales de 2016 nadie había sido condenado por "
            "ello.</li><li>Le pido que apoye las recomendaciones del Consejo contra la Trata "
            "de Personas que hacen responder a los compradores.</li></ul><h2>3. "
            "Cuéntenoslo</h2><p>Así podremos mostrar a los legisladores cuánta gente se "
            "preocupa.</p>"
        ),
        "submit_label": "Ya contacté a mi legislador",
        "thank_you_text": p("Gracias por alzar la voz. Cada mensaje cuenta."),
        "form_labels": [
            ("Municipio", "Para saber a qué distritos llegamos."),
            ("¿Cómo se puso en contacto?", ""),
            ("¿Con quién habló?", ""),
        ],
    },
    "browse-safely": lambda home: {
        "title": "Navegar con seguridad",
        "slug": "navegar-con-seguridad",
        "intro": "Cómo mantener en privado su visita a este sitio desde el teléfono o la "
        "computadora.",
        "body": [("paragraph", RichText(html)) for html in BROWSE_SAFELY_ES],
    },
}

BROWSE_SAFELY_ES = [
    "<p>La salida rápida le saca de este sitio al instante, pero las páginas que ya abrió "
    "siguen en el historial del navegador, y cualquiera que use su teléfono o su computadora "
    "puede verlas. Si eso le preocupa, así puede dejar menos rastro.</p>",
    "<h2>Use una ventana privada</h2><p>Lo que abra en una ventana privada no queda en el "
    "historial cuando la cierra.</p><ul>"
    "<li><b>iPhone (Safari):</b> toque el botón de pestañas y luego <i>Privado</i>.</li>"
    "<li><b>Android (Chrome):</b> toque los tres puntos y luego <i>Nueva pestaña de "
    "incógnito</i>.</li>"
    "<li><b>Chrome en la computadora:</b> Ctrl+Mayús+N (Cmd+Mayús+N en una Mac).</li>"
    "<li><b>Edge:</b> Ctrl+Mayús+N abre una ventana InPrivate.</li>"
    "<li><b>Firefox:</b> Ctrl+Mayús+P (Cmd+Mayús+P en una Mac).</li></ul>",
    "<h2>Borre este sitio del historial</h2><p>Borrar solo las páginas de este sitio llama "
    "menos la atención que vaciar todo el historial.</p><ul>"
    "<li><b>iPhone (Safari):</b> toque el icono del libro y luego el del reloj; deslice "
    "hacia la izquierda cada página de este sitio y toque <i>Eliminar</i>.</li>"
    "<li><b>Android (Chrome):</b> toque los tres puntos y luego <i>Historial</i>; toque la "
    "X junto a cada página de este sitio.</li>"
    "<li><b>Chrome y Edge en la computadora:</b> pulse Ctrl+H (Cmd+Y en Chrome para Mac), "
    "busque las páginas de este sitio y bórrelas.</li>"
    "<li><b>Firefox en la computadora:</b> pulse Ctrl+Mayús+H (Cmd+Mayús+H en una Mac), haga "
    "clic derecho en una página de este sitio y elija <i>Olvidar este sitio</i>.</li></ul>",
    "<h2>Tenga en cuenta también</h2><p>Si el navegador tiene abierta una cuenta (Google, "
    "Apple, Microsoft), puede copiar el historial a sus otros dispositivos. Si cree que "
    "alguien vigila su teléfono o su computadora, use otro, por ejemplo en una biblioteca o "
    "en casa de alguien de confianza, y llame a la línea de ayuda desde un teléfono seguro.</p>",
]


def spanish_hero_poster(_home) -> CampaignImage | None:
    """The home page's poster drawn in Spanish, with the hotline's Spanish service: the English
    poster's words would greet a Spanish visitor otherwise."""
    english = CampaignImage.objects.filter(title="Poster: No buyers, no trafficking").first()
    if english is None:
        return None
    png = draw_poster(
        "Sin compradores no hay trata.",
        "La trata sexual existe porque hay quien paga por sexo. Pongamos la mirada en los "
        "compradores.",
        hotline=HOTLINE_SPANISH,
    )
    return save_drawing(
        png,
        "cartel-sin-compradores-no-hay-trata.png",
        "Cartel: Sin compradores no hay trata",
        "Cartel de la campaña sobre fondo ciruela: «Sin compradores no hay trata».",
    )


def find(home: Page, english_slug: str) -> Page | None:
    """The Spanish translation of the English page with this slug under the home page."""
    english = home.get_translation(Locale.get_default()).get_children().filter(slug=english_slug)
    page = english.first()
    return page.get_translation_or_none(home.locale) if page else None


def spanish_locale() -> Locale:
    return Locale.objects.get_or_create(language_code="es")[0]


def translate_snippet(instance, locale: Locale, fields: dict):
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    copy = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def seed_records(locale: Locale) -> None:
    english = Locale.get_default()
    for goal in CampaignGoal.objects.filter(locale=english):
        if goal.number in GOALS_ES:
            translate_snippet(goal, locale, GOALS_ES[goal.number])
    for fact in Fact.objects.filter(locale=english):
        if fact.figure in FACTS_ES and fact.get_translation_or_none(locale) is None:
            copy = translate_snippet(
                fact,
                locale,
                {
                    "claim": FACTS_ES[fact.figure],
                    "figure": FIGURES_ES.get(fact.figure, fact.figure),
                },
            )
            copy.goals.set([goal.get_translation(locale) for goal in fact.goals.all()])
    for rec in PolicyRecommendation.objects.filter(locale=english):
        if rec.title in POLICY_ES:
            title, summary = POLICY_ES[rec.title]
            goal = rec.goal.get_translation_or_none(locale) if rec.goal else None
            fields = {"title": title, "summary": summary, "goal": goal}
            for name in ("council_vote", "opposition", "statute"):
                value = getattr(rec, name)
                fields[name] = RECORD_TEXTS_ES.get(value, value)
            translate_snippet(rec, locale, fields)


def in_language(value, locale: Locale):
    """A translatable record's translation in `locale`, or the record itself."""
    if isinstance(value, TranslatableMixin) and not isinstance(value, Page):
        return value.get_translation_or_none(locale) or value
    return value


def translate_page(page: Page, locale: Locale, home: Page | None) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    page = page.specific
    fields = PAGES_ES.get(page.slug, lambda _home: {})(home)
    labels = iter(fields.pop("form_labels", []))
    # Goals and facts the page points at, in Spanish (GoalPage's goal is unique, so before saving).
    for field in page._meta.concrete_fields:
        if (field.many_to_one or field.one_to_one) and field.name != "locale":
            translated = in_language(getattr(page, field.name), locale)
            if translated is not getattr(page, field.name):
                fields.setdefault(field.name, translated)
    if getattr(page, "goal", None) is not None and "title" not in fields:
        fields["title"] = fields["goal"].title
    if "intro" in fields and hasattr(page, "search_description"):
        fields["search_description"] = fields["intro"]

    def in_spanish(original, copy, relation, child) -> None:
        if hasattr(child, "fact"):
            child.fact = in_language(child.fact, locale)
        if relation.name == "form_fields":
            child.label, child.help_text = next(labels, (child.label, child.help_text))
            child.clean_name = ""  # recomputed from the Spanish label on save

    parent = home if home is not None else page.get_parent()
    copy = page.copy(
        to=parent,
        update_attrs={
            "locale": locale,
            "slug": "inicio" if home is None else page.slug,
            "live": False,
            **fields,
        },
        copy_revisions=False,
        keep_live=False,
        reset_translation_key=False,
        process_child_object=in_spanish,
        log_action=None,
    ).specific
    copy.save_revision().publish()
    return copy


def register_translation(original, copy) -> None:
    """Record `copy` with wagtail-localize as the translation of `original`, as if made with
    its "Translate" action: a TranslationSource of the original, a Translation into the copy's
    language, and the copy's own words as the StringTranslation of each source segment found at
    the same place in the copy (title, slug, intro, paragraphs where they are as many). The
    admin then shows the copy as a translation to sync, and exports it as a PO file with
    Spanish msgstrs.
    The copy itself is not rewritten: it was written in Spanish, not segment by segment, so a
    segment it has no counterpart for (a StreamField block written anew) stays to translate."""
    source, _ = TranslationSource.get_or_create_from_instance(original)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=copy.locale, defaults={"enabled": True}
    )
    if not created:
        return
    written = defaultdict(list)  # path -> the copy's strings there, in order
    for segment in extract_segments(copy):
        if isinstance(segment, StringSegmentValue):
            written[segment.path].append(segment.string.data)
    originals = defaultdict(list)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        originals[segment.context.path].append(segment)
    for path, segments in originals.items():
        # A rich text field gives one segment per paragraph, all at its path: pair them only
        # when the copy has as many there, else the Spanish would land on the wrong paragraph.
        if len(written[path]) != len(segments):
            continue
        for segment, data in zip(segments, written[path], strict=True):
            if data != segment.string.data:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=copy.locale,
                    context=segment.context,
                    defaults={"data": data},
                )


def seed_spanish_site(site) -> None:
    """The Spanish records, then the Spanish home page and every visitor page under it, each
    registered with wagtail-localize as a translation of its English original."""
    locale = spanish_locale()
    seed_records(locale)
    english = Locale.get_default()
    for model in (CampaignGoal, Fact, PolicyRecommendation):
        for record in model.objects.filter(locale=english):
            translated = record.get_translation_or_none(locale)
            if translated is not None:
                register_translation(record, translated)
    home = site.root_page.specific
    home_es = translate_page(home, locale, None)
    register_translation(home, home_es)
    pages = home.get_children().live().public().specific()
    # Pages others link to first (toolkit, actions, policy), goal pages after them.
    ordered = sorted(pages, key=lambda page: page.slug in GOAL_SLUGS)
    for page in ordered:
        if page.slug in PAGES_ES:
            register_translation(page, translate_page(page, locale, home_es))


GOAL_SLUGS = {
    "raise-public-awareness",
    "engage-leaders",
    "support-law-enforcement",
    "improve-public-policy",
}

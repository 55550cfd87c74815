//! Spanish texts.

use super::Texts;

pub static TEXTS: Texts = Texts {
    title: "Conectar una integración",
    step_of: |n, total| format!("Paso {n} de {total}"),
    step_provider: "Elegir un proveedor",
    step_schemas: "Elegir qué sincronizar",
    step_resources: "Elegir recursos",
    step_mapping: "Asignar campos",
    step_review: "Revisar y conectar",
    step_submitting: "Conectando",
    step_done: "Conectado",
    step_error: "Algo salió mal",
    step_exited: "Configuración cancelada",
    search_label: "Buscar proveedores",
    search_placeholder: "Buscar por nombre",
    category_label: "Categoría",
    all_categories: "Todas las categorías",
    loading_providers: "Cargando proveedores…",
    no_providers: "Ningún proveedor coincide con tu búsqueda.",
    provider_count: |n| {
        if n == 1 {
            "1 proveedor".to_owned()
        } else {
            format!("{n} proveedores")
        }
    },
    providers_first: |total, shown| format!("{total} proveedores, se muestran los {shown} primeros"),
    show_all_providers: |n| format!("Mostrar los {n} proveedores"),
    catalog_failed: "No pudimos cargar la lista de proveedores.",
    schemas_intro: "Elige los datos que se sincronizan y su dirección.",
    direction_label: "Dirección",
    direction_pull: "Traer a esta aplicación",
    direction_push: "Enviar al proveedor",
    custom_object: "Objeto personalizado",
    resources_intro: "Elige qué recurso del proveedor usa cada tipo de datos.",
    resource_label: "Recurso",
    resource_choose: "Elige un recurso…",
    mapping_intro: "Asigna a cada campo de esta aplicación un campo del proveedor.",
    column_app_field: "Campo de esta aplicación",
    column_provider_field: "Campo del proveedor",
    column_upsert: "Si el campo ya tiene datos",
    not_mapped: "— Sin asignar —",
    required: "Obligatorio",
    suggested: "Sugerido",
    loading_fields: "Cargando campos…",
    fields_failed: "No pudimos cargar los campos.",
    passthrough_heading: "Campos personalizados que se transfieren",
    upsert_overwrite: "Sobrescribir",
    upsert_do_not_update: "Conservar los datos existentes",
    upsert_set_if_not_set: "Rellenar solo si está vacío",
    required_unmapped: |field| format!("{field} es obligatorio: elige un campo del proveedor."),
    custom_field: "Personalizado",
    picker_placeholder: "Escribe para buscar",
    fields_match: |n| match n {
        0 => "Ningún campo coincide".to_owned(),
        1 => "1 campo coincide".to_owned(),
        n => format!("{n} campos coinciden"),
    },
    filter_fields: "Filtrar campos",
    show_unmapped: "Solo sin asignar",
    show_required: "Solo obligatorios",
    mapped_of: |n, total| format!("{n} de {total} asignados"),
    required_left: |n| {
        if n == 1 {
            "1 campo obligatorio aún necesita un campo del proveedor.".to_owned()
        } else {
            format!("{n} campos obligatorios aún necesitan un campo del proveedor.")
        }
    },
    go_to_first: "Ir al primero",
    no_rows_match: "Ningún campo coincide con estos filtros.",
    review_intro: "Revisa tus elecciones y conecta.",
    review_provider: "Proveedor",
    review_none: "Ninguno",
    change: "Cambiar",
    submitting: "Conectando…",
    done: "Tu integración está configurada.",
    redirecting: "Te llevamos al siguiente paso…",
    navigation_blocked: "La siguiente página no se abrió sola. Continúa aquí:",
    continue_link: "Continuar",
    exited: "La configuración se canceló.",
    back: "Atrás",
    next: "Continuar",
    submit: "Conectar",
    retry: "Reintentar",
    cancel: "Cancelar",
    start_again: "Empezar de nuevo",
    restore_failed:
        "No pudimos restaurar tu progreso anterior, así que la configuración empieza de nuevo.",
    storage_unavailable: "Tu progreso no sobrevivirá a una recarga de la página en este navegador.",
    error_config:
        "Esta integración no está bien configurada. Contacta con el soporte de la aplicación.",
    error_offline: "No tienes conexión. Compruébala y vuelve a intentarlo.",
    error_timeout: "El servidor tardó demasiado en responder.",
    error_server: "El servidor tuvo un problema.",
    error_rate_limited:
        "Demasiadas solicitudes ahora mismo. Espera un momento y vuelve a intentarlo.",
    error_session_expired: "Esta sesión de configuración ha caducado.",
    error_response_invalid: "El servidor envió una respuesta que no entendemos.",
    error_rejected: "El servidor rechazó la solicitud.",
    error_unconfirmed:
        "No pudimos confirmar la conexión. Reintentar es seguro: no se conectará dos veces.",
    used_by: |option, row| format!("{option} — usado por {row}"),
    passed_through: |option| format!("{option} — se transfiere tal cual"),
    swapped: |taker, taken, from, given| format!("{taker} ahora usa {taken}. {from}, que lo tenía, ahora usa {given}."),
    taken_unmapped: |taker, taken, from| format!("{taker} ahora usa {taken}. {from}, que lo tenía, ya no está asignado."),
    taken_from_passthrough: |taker, taken| format!("{taker} ahora usa {taken}, así que {taken} ya no se transfiere tal cual."),
    undo: "Deshacer",
    passthrough_hint: "Los campos personalizados que ningún campo de arriba usa pueden enviarse tal cual. Si eliges uno en una fila de arriba, se asigna en su lugar.",
    filter_custom_fields: "Filtrar campos personalizados",
    show_chosen_only: "Solo los elegidos",
    passed_through_of: |n, total| format!("{n} de {total} transferidos"),
    show_more: |n| format!("Mostrar más ({n} ocultos)"),
    submit_wait: "Revisa tus elecciones: Conectar estará listo en un momento.",
    error_detail: |code, message| match message { Some(m) => format!("Código: {code}. Detalles: {m}"), None => format!("Código: {code}") },
};

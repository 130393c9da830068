"""The plain project's one hook: Material's templates compiled once and kept between builds, as
our build keeps them (kb.render.compiled_templates). A setting any MkDocs site could have, so
the plain build gets it too, and ours minus plain stays our pipeline's own cost."""
import jinja2


def on_env(env, config, files):
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env

# The two commands (see README): `make run` serves the platform with demo data; `make test` runs every test.
.PHONY: run test build bench clean

run:
	@scripts/run

test:
	@scripts/test

build:
	@scripts/build

bench:
	@bench/run

clean:
	rm -rf build web/dist
